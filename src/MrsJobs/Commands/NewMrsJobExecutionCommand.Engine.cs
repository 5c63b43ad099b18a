using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using MrsJobs.Binding;
using MrsJobs.Completion;
using MrsJobs.Core.Journal;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Core.Submission;
using MrsJobs.Core.Validation;
using MrsJobs.Errors;
using MrsJobs.Hosting;

namespace MrsJobs.Commands;

/// <summary>New-MrsJobExecution's run: the engine and journal it starts, and the pump that writes what the engine delivers.</summary>
public sealed partial class NewMrsJobExecutionCommand
{
    private void StartEngine(MrsSession session)
    {
        var options = new SubmissionOptions { ThrottleLimit = ThrottleLimit };
        if (JournalPath is not null)
        {
            _journal = OpenJournal(GetUnresolvedProviderPathFromPSPath(JournalPath), session);
            options.Journal = _journal;
        }

        _engine = new SubmissionEngine(session, options, NewCallContext(), Deliver);
    }

    private SubmissionJournal OpenJournal(string path, MrsSession session)
    {
        try
        {
            var journal = SubmissionJournal.Open(path, session.Clock);
            foreach (var warning in journal.Warnings)
            {
                WriteWarning(warning);
            }

            WriteVerboseLine($"Journal {journal.Path}: {(journal.HighestRow == 0 ? "new" : $"earlier runs recorded rows up to {journal.HighestRow}")}.");
            return journal;
        }
        catch (JournalException ex)
        {
            ThrowTerminatingError(SubmissionErrorRecords.Journal(ex));
            throw;
        }
    }

    // A journal that recorded another job for this row: nothing is sent for it or any later row.
    private async Task Admit(SubmissionRow row)
    {
        try
        {
            await _engine!.AddAsync(row).ConfigureAwait(false);
        }
        catch (JournalException ex)
        {
            _engine!.StopSending();
            await _engine.CompleteAsync().ConfigureAwait(false);
            throw new JournalStop(ex);
        }
    }

    /// <summary>
    /// Writes what the engine delivers until <paramref name="work"/> ends. The first error under
    /// -ErrorAction Stop ends the command as PowerShell promises, but first the engine stops sending,
    /// the submissions in flight finish (and are journaled) and their results are written.
    /// </summary>
    private void PumpUntil(Task work)
    {
        var engine = _engine!;
        try
        {
            RunUntil(work, () =>
            {
                engine.StopSending();
                return engine.CompleteAsync();
            });
            work.GetAwaiter().GetResult();
        }
        catch (JournalStop stop)
        {
            ThrowTerminatingError(SubmissionErrorRecords.Journal(stop.Journal));
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    // On the engine's thread: the outcome becomes messages for the pipeline thread. Abandoned rows say nothing.
    private void Deliver(SubmissionOutcome outcome)
    {
        foreach (var message in Messages(outcome))
        {
            Pump.Post(message.Stream, message.Payload);
        }
    }

    private void WriteOutcome(SubmissionOutcome outcome)
    {
        foreach (var message in Messages(outcome))
        {
            Write(message);
        }
    }

    // A job is output; a row without one is an error, and with -IncludeFailed also a result, written first so
    // that it is kept even when the error stops the command (-ErrorAction Stop).
    private IEnumerable<PipelineMessage> Messages(SubmissionOutcome outcome)
    {
        if (outcome.HasJob)
        {
            yield return new PipelineMessage(PipelineStream.Output, outcome.Result);
            yield break;
        }

        if (SubmissionErrorRecords.For(outcome, (RowSubject)outcome.Row.Source!) is not { } error)
        {
            yield break;
        }

        if (IncludeFailed && FailedRowResult.For(outcome, _projectId, error.FullyQualifiedErrorId, ErrorRecords.MessageOf(error)) is { } result)
        {
            yield return new PipelineMessage(PipelineStream.Output, result);
        }

        yield return new PipelineMessage(PipelineStream.Error, error);
    }

    private sealed class JournalStop : Exception
    {
        public JournalStop(JournalException journal)
            : base(journal.Message, journal) => Journal = journal;

        public JournalException Journal { get; }
    }
}
