using System.Collections.Generic;
using System.Management.Automation;

namespace MrsJobs.Waiting;

/// <summary>
/// When the errors of a wait (a job failed, was killed, could not be read, or did not end in time) are
/// written. When errors stop the command (-ErrorAction Stop, a runbook's <c>$ErrorActionPreference =
/// 'Stop'</c>), the first one written would end the wait at once: the jobs still running would go on
/// unobserved and their final states would never reach the pipeline (an <c>Export-Csv</c> after the wait
/// would miss them). So in that case, unless -FailFast asks for exactly that, the errors are held until
/// the wait is over; then the others are written as warnings and the first one as the error that ends
/// the command. Otherwise each error is written as it happens: at a prompt a failure is worth seeing at
/// once, and -ErrorVariable collects the errors either way.
/// </summary>
internal sealed class WaitFailures
{
    private readonly List<ErrorRecord> _held = new();

    /// <summary>Creates the policy of one wait.</summary>
    /// <param name="holdUntilTheEnd"><c>true</c> when errors would end the command and -FailFast was not given.</param>
    public WaitFailures(bool holdUntilTheEnd) => HoldsUntilTheEnd = holdUntilTheEnd;

    /// <summary><c>true</c> when errors are held until the wait is over.</summary>
    public bool HoldsUntilTheEnd { get; }

    /// <summary>Keeps <paramref name="error"/> for the end of the wait; <c>false</c> when it is to be written now.</summary>
    public bool Hold(ErrorRecord error)
    {
        if (!HoldsUntilTheEnd)
        {
            return false;
        }

        _held.Add(error);
        return true;
    }

    /// <summary>The held errors in the order they happened; they are no longer held.</summary>
    public IReadOnlyList<ErrorRecord> TakeHeld()
    {
        var held = _held.ToArray();
        _held.Clear();
        return held;
    }
}
