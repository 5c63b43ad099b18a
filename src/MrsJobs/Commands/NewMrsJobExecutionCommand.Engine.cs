using System;
using System.Collections;
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

    // On the engine's thread: the outcome becomes a message for the pipeline thread. Abandoned rows say nothing.
    private void Deliver(SubmissionOutcome outcome)
    {
        if (Payload(outcome) is { } payload)
        {
            Pump.Post(PipelineStreamFor(outcome), payload);
        }
    }

    private static PipelineStream PipelineStreamFor(SubmissionOutcome outcome) => outcome.HasJob ? PipelineStream.Output : PipelineStream.Error;

    private static object? Payload(SubmissionOutcome outcome) =>
        outcome.HasJob ? outcome.Result : SubmissionErrorRecords.For(outcome, (RowSubject)outcome.Row.Source!);

    private void WriteOutcome(SubmissionOutcome outcome)
    {
        if (Payload(outcome) is { } payload)
        {
            Write(new PipelineMessage(PipelineStreamFor(outcome), payload));
        }
    }

    private sealed class JournalStop : Exception
    {
        public JournalStop(JournalException journal)
            : base(journal.Message, journal) => Journal = journal;

        public JournalException Journal { get; }
    }
}
