using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Models;
using MrsJobs.Core.Submission;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Submission;

/// <summary>
/// <see cref="SubmissionEngine"/> against the in-process emulator: one outcome per row, in input order; a lost
/// answer looked up, never sent twice; a credentials refusal that stops sending; stopping and cancelling.
/// The journal is in <see cref="SubmissionEngineJournalTests"/>.
/// </summary>
public class SubmissionEngineTests
{
    public class TheCompleteAsyncMethod : EngineTest
    {
        public TheCompleteAsyncMethod(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        [Fact]
        public async Task DeliversOneOutcomePerRowInInputOrderWhileSendingEightAtATime()
        {
            var session = await ConnectAsync();
            Fixture.State.Settings.LatencyMs = 20;
            var broken = new HashSet<int> { 5, 17, 33 };
            var rows = Enumerable.Range(1, 50).Select(n => broken.Contains(n) ? Broken(n) : Row(n)).ToArray();

            var outcomes = await RunAsync(session, Options(throttleLimit: 8), rows);

            Assert.Equal(Enumerable.Range(1, 50), outcomes.Select(o => o.Row.Number));
            Assert.All(outcomes.Where(o => !broken.Contains(o.Row.Number)), o =>
            {
                Assert.Equal(SubmissionOutcomeKind.Accepted, o.Kind);
                Assert.Equal($"job-{o.Row.Number:D3}", o.Result!.JobName);
                Assert.Equal(o.Row.Number, o.Result.Row);
            });
            Assert.Equal(47, Posts().Count);
            Assert.Equal(47, outcomes.Where(o => o.HasJob).Select(o => o.Result!.JobId).Distinct().Count());
            Assert.InRange(Fixture.State.Stats.PeakInFlight, 2, 8);
        }

        [Fact]
        public async Task ReportsInvalidRowsInTheirPlaceAndSendsNothingForThem()
        {
            var session = await ConnectAsync();

            var outcomes = await RunAsync(session, Options(), Row(1), Broken(2), Row(3), Broken(4));

            Assert.Equal(
                new[] { SubmissionOutcomeKind.Accepted, SubmissionOutcomeKind.Invalid, SubmissionOutcomeKind.Accepted, SubmissionOutcomeKind.Invalid },
                outcomes.Select(o => o.Kind));
            Assert.Equal(new[] { 1, 2, 3, 4 }, outcomes.Select(o => o.Row.Number));
            Assert.Equal(2, Posts().Count);
        }

        [Fact]
        public async Task ReportsAServiceRefusalWithItsCodeAndCarriesOn()
        {
            var session = await ConnectAsync();

            var outcomes = await RunAsync(session, Options(), Row(1), new SubmissionRow(2, Job(JobTypes.HiveSql, "needs_hive", SeedData.NoHiveNoFlinkClusterId)), Row(3));

            Assert.Equal(SubmissionOutcomeKind.Refused, outcomes[1].Kind);
            Assert.Equal("0168", outcomes[1].Error!.ErrorCode);
            Assert.Equal("0168", outcomes[1].Result!.ErrorCode);
            Assert.Equal(SubmissionOutcomeKind.Accepted, outcomes[2].Kind);
        }

        [Fact]
        public async Task EndsPromptlyWhenTheRunIsCancelled()
        {
            var session = await ConnectAsync();
            Fixture.State.Settings.LatencyMs = 10_000;
            using var cancel = new CancellationTokenSource();
            using var run = new EngineRun(session, Options(throttleLimit: 4), cancel.Token);
            for (var n = 1; n <= 6; n++)
            {
                await run.AddAsync(Row(n));
            }

            await Poll.UntilAsync(() => Posts().Count == 1, "the first submission reached the emulator");
            var clock = Stopwatch.StartNew();
            cancel.Cancel();
            var completing = run.Engine.CompleteAsync();
            var first = await Task.WhenAny(completing, Task.Delay(TimeSpan.FromSeconds(2)));

            Assert.Same(completing, first);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
            var outcomes = run.Outcomes;
            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, outcomes.Select(o => o.Row.Number));
            Assert.All(outcomes.Skip(1), o => Assert.Equal(SubmissionOutcomeKind.Abandoned, o.Kind));
            Assert.Single(Posts());
        }
    }

    public class WhenAnAnswerIsLost : EngineTest
    {
        public WhenAnAnswerIsLost(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        private Task QueueAsync(string kind, string? clusterId = null) =>
            ControlAsync("faults", new Dictionary<string, object?> { ["kind"] = kind, ["cluster_id"] = clusterId });

        [Theory]
        [InlineData("drop_after_record")]
        [InlineData("html_502_after_record")]
        [InlineData("truncated_json_after_record")]
        public async Task FindsTheJobTheServiceMadeAndSendsNothingAgain(string kind)
        {
            var session = await ConnectAsync();
            await QueueAsync(kind);

            var outcome = Assert.Single(await RunAsync(session, Options(), Row(1)));

            var stored = Assert.Single(Fixture.State.Jobs.GetAll());
            Assert.Equal(SubmissionOutcomeKind.Reconciled, outcome.Kind);
            Assert.Equal(stored.JobId, outcome.Result!.JobId);
            Assert.Equal(SubmissionOrigin.Reconciled, outcome.Result.Origin);
            Assert.Single(Posts());
        }

        [Fact]
        public async Task SaysTheOutcomeIsUnknownWhenNoJobCanBeFoundAndSendsNothingAgain()
        {
            var session = await ConnectAsync();
            await QueueAsync("drop_before_record");

            var outcome = Assert.Single(await RunAsync(session, Options(), Row(1)));

            Assert.Equal(SubmissionOutcomeKind.Unknown, outcome.Kind);
            Assert.Equal(RequestOutcome.Unknown, outcome.Error!.Outcome);
            Assert.Contains("no job named 'job-001'", outcome.Detail);
            Assert.Single(Posts());
            Assert.Empty(Fixture.State.Jobs.GetAll());
        }

        [Fact]
        public async Task NeverTakesTheJobOfAnIdenticalRowThatWasAccepted()
        {
            var session = await ConnectAsync();
            using var run = new EngineRun(session, Options(throttleLimit: 1));
            await run.AddAsync(Row(1, "twin"));
            var first = await run.OutcomeAsync(1);
            await QueueAsync("drop_after_record");

            await run.AddAsync(Row(2, "twin"));
            var outcomes = await run.CompleteAsync();

            var second = outcomes[1];
            Assert.Equal(SubmissionOutcomeKind.Accepted, first.Kind);
            Assert.Equal(SubmissionOutcomeKind.Reconciled, second.Kind);
            Assert.NotEqual(first.Result!.JobId, second.Result!.JobId);
            Assert.Equal(
                Fixture.State.Jobs.GetAll().Select(j => j.JobId).OrderBy(id => id, StringComparer.Ordinal),
                new[] { first.Result.JobId, second.Result.JobId }.OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public async Task NeverGivesTwoIdenticalRowsInFlightTogetherTheSameJob()
        {
            var session = await ConnectAsync();
            Fixture.State.Settings.LatencyMs = 20;
            await QueueAsync("drop_after_record", SeedData.FullClusterId);

            // Row 1 goes to another cluster and proves the credentials, so the twins are sent together.
            var rows = new[] { Row(1, "warm-up", SeedData.NoHiveNoFlinkClusterId) }
                .Concat(Enumerable.Range(2, 4).Select(n => Row(n, "twin")))
                .ToArray();
            var outcomes = await RunAsync(session, Options(throttleLimit: 8), rows);

            var twins = outcomes.Skip(1).ToList();
            var ids = twins.Where(o => o.HasJob).Select(o => o.Result!.JobId!).ToList();
            var stored = Fixture.State.Jobs.GetAll().Select(j => j.JobId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Contains(id, stored));
            Assert.Equal(4, Posts().Count(p => p.Path.Contains(SeedData.FullClusterId, StringComparison.Ordinal)));
            Assert.Contains(twins, o => o.Kind is SubmissionOutcomeKind.Reconciled or SubmissionOutcomeKind.Unknown);
        }
    }

    public class WhenTheCredentialsAreRefused : EngineTest
    {
        public WhenTheCredentialsAreRefused(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        [Fact]
        public async Task SendsOneRequestAloneAndReportsEveryOtherRowAsNotSent()
        {
            var session = SessionFactory.FromToken(
                "MIIbogus-token-the-emulator-never-issued", SeedData.CnNorth4ProjectId, null, BaseAddress, BaseAddress, DateTimeOffset.UtcNow.AddHours(1), UserAgent);

            var outcomes = await RunAsync(session, Options(throttleLimit: 8), Enumerable.Range(1, 12).Select(n => Row(n)).ToArray());

            Assert.Equal(Enumerable.Range(1, 12), outcomes.Select(o => o.Row.Number));
            Assert.Equal(SubmissionOutcomeKind.Refused, outcomes[0].Kind);
            Assert.Equal(MrsErrorKind.Authentication, outcomes[0].Error!.Kind);
            Assert.All(outcomes.Skip(1), o =>
            {
                Assert.Equal(SubmissionOutcomeKind.NotSentAfterAuthenticationFailure, o.Kind);
                Assert.Same(outcomes[0].Error, o.Error);
            });
            Assert.Single(Posts());
        }

        [Fact]
        public async Task LeavesInvalidRowsReportedAsInvalid()
        {
            var session = SessionFactory.FromToken(
                "MIIbogus-token-the-emulator-never-issued", SeedData.CnNorth4ProjectId, null, BaseAddress, BaseAddress, DateTimeOffset.UtcNow.AddHours(1), UserAgent);

            var outcomes = await RunAsync(session, Options(), Row(1), Broken(2), Row(3));

            Assert.Equal(
                new[] { SubmissionOutcomeKind.Refused, SubmissionOutcomeKind.Invalid, SubmissionOutcomeKind.NotSentAfterAuthenticationFailure },
                outcomes.Select(o => o.Kind));
        }
    }

    public class TheStopSendingMethod : EngineTest
    {
        public TheStopSendingMethod(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        [Fact]
        public async Task AbandonsRowsNotYetSentAndLetsTheOneInFlightFinish()
        {
            var session = await ConnectAsync();
            Fixture.State.Settings.LatencyMs = 300;
            using var run = new EngineRun(session, Options(throttleLimit: 4));
            for (var n = 1; n <= 6; n++)
            {
                await run.AddAsync(Row(n));
            }

            await Poll.UntilAsync(() => Posts().Count == 1, "the first submission reached the emulator");
            run.Engine.StopSending();
            var outcomes = await run.CompleteAsync();

            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, outcomes.Select(o => o.Row.Number));
            Assert.Equal(SubmissionOutcomeKind.Accepted, outcomes[0].Kind);
            Assert.Equal(Assert.Single(Fixture.State.Jobs.GetAll()).JobId, outcomes[0].Result!.JobId);
            Assert.All(outcomes.Skip(1), o => Assert.Equal(SubmissionOutcomeKind.Abandoned, o.Kind));
            Assert.Single(Posts());
        }

        [Fact]
        public async Task AbandonsRowsAddedAfterwards()
        {
            var session = await ConnectAsync();
            using var run = new EngineRun(session, Options());
            await run.AddAsync(Row(1));
            await run.OutcomeAsync(1);

            run.Engine.StopSending();
            await run.AddAsync(Row(2));
            var outcomes = await run.CompleteAsync();

            Assert.Equal(SubmissionOutcomeKind.Abandoned, outcomes[1].Kind);
            Assert.Single(Posts());
        }
    }
}
