using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Http;
using MrsJobs.Core.Api;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Tests.Support;

/// <summary>Base of the tests that talk to the emulator: resets it, signs in, submits and reads what it received.</summary>
[Collection(EmulatorCollection.Name)]
public abstract class EmulatorTest
{
    /// <summary>The User-Agent the tests send.</summary>
    protected const string UserAgent = "MrsJobs.Tests/1.0";

    /// <summary>Resets the shared emulator so the test starts from the seeded state.</summary>
    protected EmulatorTest(EmulatorFixture fixture)
    {
        Fixture = fixture;
        fixture.State.Reset();
    }

    /// <summary>The shared emulator.</summary>
    protected EmulatorFixture Fixture { get; }

    /// <summary>The emulator's base address, used as both IAM and MRS endpoint.</summary>
    protected Uri BaseAddress => Fixture.Server.BaseAddress;

    /// <summary>A sign-in to the emulator (by region name unless changed).</summary>
    private protected PasswordSignIn SignIn(
        string user = SeedData.UserName,
        string password = SeedData.Password,
        string region = SeedData.CnNorth4ProjectName) =>
        new(user, Secure(password), SeedData.DomainName)
        {
            Region = region,
            IamEndpoint = BaseAddress,
            Endpoint = BaseAddress,
        };

    /// <summary>Signs in with a password through the emulator's IAM.</summary>
    protected Task<MrsSession> ConnectAsync(string user = SeedData.UserName, string password = SeedData.Password, SessionOptions? options = null) =>
        SessionFactory.ConnectWithPasswordAsync(SignIn(user, password), CallContext.None, UserAgent, options);

    /// <summary>Session options that retry quickly (milliseconds, not seconds), or not at all.</summary>
    protected static SessionOptions QuickRetries(int maxRetries = 3) =>
        new() { Retry = new RetryPolicy(maxRetries, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(2)) };

    /// <summary>A session made from a bare token the emulator issued for the demo user (it cannot renew itself).</summary>
    protected MrsSession TokenSession(TimeSpan lifetime)
    {
        var identity = Fixture.State.Identity;
        var user = identity.FindUser(SeedData.DomainId, SeedData.UserName)!;
        var project = identity.FindProject(SeedData.DomainId, SeedData.CnNorth4ProjectName, null)!;
        var token = identity.IssueToken(user, project, lifetime);
        return SessionFactory.FromToken(token.Token, project.Id, null, BaseAddress, BaseAddress, token.ExpiresAt);
    }

    /// <summary>Submits <paramref name="job"/> with a fresh client over <paramref name="session"/>.</summary>
    protected static Task<JobSubmitResult> SubmitAsync(MrsSession session, JobDefinition job) =>
        session.Jobs.SubmitJobAsync(job, CallContext.None);

    /// <summary>A job for the full cluster.</summary>
    protected static JobDefinition Job(
        string jobType = JobTypes.MapReduce,
        string jobName = "wordcount",
        string clusterId = SeedData.FullClusterId,
        IReadOnlyList<string>? arguments = null,
        IReadOnlyList<KeyValuePair<string, string>>? properties = null) =>
        new(clusterId, jobType, jobName, arguments, properties);

    /// <summary>The MRS submissions the emulator received since the last reset.</summary>
    protected IReadOnlyList<RecordedRequest> Submissions() =>
        Fixture.State.Requests.GetAll().Where(r => r.Path.StartsWith("/v2/", StringComparison.Ordinal)).ToList();

    /// <summary>Posts JSON to the control API and returns the parsed answer.</summary>
    protected async Task<JsonElement> ControlAsync(string path, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Fixture.Control.PostAsync("_emulator/" + path, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"control API {path} answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Queues a fault for the next submission to any cluster.</summary>
    protected Task QueueFaultAsync(int status, string errorCode, string errorMsg, string shape, int count = 1) =>
        ControlAsync("faults", new Dictionary<string, object?>
        {
            ["cluster_id"] = null,
            ["count"] = count,
            ["status"] = status,
            ["error_code"] = errorCode,
            ["error_msg"] = errorMsg,
            ["shape"] = shape,
        });

    /// <summary>A read-only <see cref="SecureString"/> holding <paramref name="text"/>.</summary>
    protected static SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;
}

/// <summary>
/// A <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> that reports every wait asked of it, so a test
/// can advance the clock exactly when a back-off (or any delay) has begun, and never sleeps for real.
/// </summary>
internal sealed class WatchedClock : Microsoft.Extensions.Time.Testing.FakeTimeProvider
{
    private readonly global::System.Threading.Channels.Channel<TimeSpan> waits = global::System.Threading.Channels.Channel.CreateUnbounded<TimeSpan>();

    /// <summary>A clock that starts now (so tokens the emulator issues are neither expired nor due for renewal).</summary>
    public WatchedClock()
        : base(DateTimeOffset.UtcNow)
    {
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            waits.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The next wait asked of the clock (already begun when this returns); fails after 10 real seconds.</summary>
    public async Task<TimeSpan> NextWaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await waits.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>
    /// Until <paramref name="work"/> ends, advances the clock by each wait as soon as it begins. Returns the waits,
    /// in order. Fails after 20 real seconds.
    /// </summary>
    public async Task<IReadOnlyList<TimeSpan>> AdvanceThroughWaitsAsync(Task work)
    {
        var seen = new List<TimeSpan>();
        var deadline = Task.Delay(TimeSpan.FromSeconds(20));
        while (!work.IsCompleted)
        {
            var ready = waits.Reader.WaitToReadAsync().AsTask();
            var first = await Task.WhenAny(work, ready, deadline);
            if (first == deadline)
            {
                throw new TimeoutException($"The work did not end; waits so far: {string.Join(", ", seen)}.");
            }

            while (waits.Reader.TryRead(out var wait))
            {
                seen.Add(wait);
                Advance(wait);
            }
        }

        return seen;
    }
}

/// <summary>Waits (in real time, briefly) for something the emulator records asynchronously.</summary>
internal static class Poll
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails after <paramref name="timeout"/> (10 s when not given).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what + ".");
            }

            await Task.Delay(5);
        }
    }
}
