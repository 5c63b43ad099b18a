using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace MrsJobs.Waiting;

/// <summary>
/// When the errors of a wait (a job failed, was killed, could not be read, or did not end in time) are
/// written, and how. When errors stop the command (-ErrorAction Stop, a runbook's <c>$ErrorActionPreference =
/// 'Stop'</c>), the first one written would end the wait at once: the jobs still running would go on
/// unobserved and their lines would never reach the pipeline (an <c>Export-Csv</c> after the wait would miss
/// them). So in that case the errors are held until the wait is over; then the others are written as warnings
/// and the first one as the error that ends the command. -FailFast holds them too, until the jobs no longer
/// followed have their lines (the wait ends at the first error all the same). Otherwise each error is written
/// as it happens: at a prompt a failure is worth seeing at once.
/// </summary>
internal sealed class WaitFailures
{
    private readonly List<ErrorRecord> _held = new();

    /// <summary>Creates the policy of one wait.</summary>
    /// <param name="errorsStopTheCommand"><c>true</c> when an error written would end the command (-ErrorAction Stop).</param>
    /// <param name="failFast"><c>true</c> for -FailFast: the wait ends at the first error.</param>
    public WaitFailures(bool errorsStopTheCommand, bool failFast)
    {
        ErrorsStopTheCommand = errorsStopTheCommand;
        HoldsUntilTheEnd = errorsStopTheCommand || failFast;
    }

    /// <summary><c>true</c> when errors are held until the wait is over.</summary>
    public bool HoldsUntilTheEnd { get; }

    /// <summary><c>true</c> when an error written ends the command, so that only one can be written as an error.</summary>
    public bool ErrorsStopTheCommand { get; }

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

    /// <summary>
    /// The held errors in the order to write them; they are no longer held. When errors stop the command, the
    /// first to happen comes last, as the error, and the others before it as warnings (each would end the
    /// command again); otherwise each is an error, in the order they happened.
    /// </summary>
    public IReadOnlyList<HeldFailure> TakeHeld()
    {
        var held = _held.ToArray();
        _held.Clear();
        if (!ErrorsStopTheCommand || held.Length == 0)
        {
            return held.Select(error => new HeldFailure(error, AsWarning: false)).ToArray();
        }

        return held.Skip(1).Select(error => new HeldFailure(error, AsWarning: true))
            .Append(new HeldFailure(held[0], AsWarning: false))
            .ToArray();
    }
}

/// <summary>A held error, and whether it is to be written as a warning line (<c>[Id] message</c>) rather than as an error.</summary>
/// <param name="Error">The error.</param>
/// <param name="AsWarning"><c>true</c> to write it as a warning.</param>
internal sealed record HeldFailure(ErrorRecord Error, bool AsWarning);
