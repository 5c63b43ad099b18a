using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Api;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Http;
using MrsJobs.Core.Models;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Api;

/// <summary>
/// Every MRS call carries <c>Content-Type: application/json</c>, with a body or without (as the Go SDK's request
/// definitions do), and an AK/SK signature covers it: the emulator recomputes the signature from the signed headers.
/// </summary>
public sealed class JsonContentTypeTests : EmulatorTest
{
    public JsonContentTypeTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task EveryCallOfATokenSessionSendsIt()
    {
        var session = await ConnectAsync();

        var requests = await CallEveryOperationAsync(session);

        Assert.Equal(new[] { "POST", "GET", "GET", "POST", "GET", "POST" }, requests.Select(r => r.Method));
        Assert.Equal("application/json; charset=utf-8", ContentType(requests[0]));
        Assert.All(requests.Skip(1).Where(r => r.Body.Length == 0), r => Assert.Equal("application/json", ContentType(r)));
        Assert.Equal("application/json; charset=utf-8", ContentType(requests[^1]));
    }

    [Fact]
    public async Task AnAccessKeySessionSignsItAndTheServiceAcceptsEveryCall()
    {
        var credentials = new AccessKeyCredentials(
            Secure(SeedData.AccessKey), Secure(SeedData.SecretKey), null, SeedData.CnNorth4ProjectId, null, BaseAddress, CredentialSourceKind.Explicit, "test");
        var session = await Core.Auth.SessionFactory.ConnectWithAccessKeyAsync(credentials, Core.Regions.EndpointQuery.ForCredentials(null, BaseAddress, null, credentials), CallContext.None, UserAgent);

        var requests = await CallEveryOperationAsync(session);

        // The SQL result of a MapReduce job is refused (0179, HTTP 500), but only after its signature passed (else 401).
        Assert.Equal(new[] { 200, 202, 202, 202, 500, 200 }, requests.Select(r => r.Status));
        Assert.All(requests, r => Assert.Contains("SignedHeaders=content-type;host;x-project-id;x-sdk-date,", Header(r, "Authorization")));
    }

    // Submit, list, show, stop, SQL result (refused for a MapReduce job, but sent), delete: the requests as received.
    private async Task<IReadOnlyList<RecordedRequest>> CallEveryOperationAsync(MrsSession session)
    {
        var client = session.Jobs;
        var cluster = SeedData.FullClusterId;
        Fixture.State.Requests.Clear();
        var job = await client.SubmitJobAsync(Job(), CallContext.None);
        await client.ListJobsPageAsync(new JobListQuery { ClusterId = cluster }, 1, CallContext.None);
        await client.GetJobAsync(cluster, job.JobId!, CallContext.None);
        await client.KillJobAsync(cluster, job.JobId!, CallContext.None);
        await Assert.ThrowsAnyAsync<Core.Errors.MrsApiException>(() => client.GetSqlResultAsync(cluster, job.JobId!, CallContext.None));
        await client.DeleteJobsAsync(cluster, new[] { job.JobId! }, CallContext.None);
        return Fixture.State.Requests.GetAll().Where(r => r.Path.StartsWith("/v2/", StringComparison.Ordinal)).ToList();
    }

    private static string? ContentType(RecordedRequest request) => Header(request, "Content-Type");

    private static string? Header(RecordedRequest request, string name) =>
        request.Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
