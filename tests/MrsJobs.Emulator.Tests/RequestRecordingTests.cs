using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>GET</c> and <c>DELETE /_emulator/requests</c>.</summary>
public sealed class RequestRecordingTests : EmulatorTest
{
    public RequestRecordingTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task EveryIamAndMrsRequestIsRecordedInOrderWithHeadersBodyAndStatus()
    {
        var token = await LoginAsync();
        var body = JobBody();
        await SubmitAsync(body, token: token);

        var reply = await SendAsync(HttpMethod.Get, "_emulator/requests");

        Assert.Equal(200, reply.Status);
        var requests = reply.Json.EnumerateArray().ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal("POST", requests[0].GetProperty("method").GetString());
        Assert.Equal("/v3/auth/tokens", requests[0].GetProperty("path").GetString());
        Assert.Equal(201, requests[0].GetProperty("status").GetInt32());
        Assert.Contains(SeedData.Password, requests[0].GetProperty("body").GetString());
        Assert.Equal($"/v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions", requests[1].GetProperty("path").GetString());
        Assert.Equal(body, requests[1].GetProperty("body").GetString());
        Assert.Equal(token, requests[1].GetProperty("headers").GetProperty("X-Auth-Token").GetString());
        Assert.Equal(JsonUtf8, requests[1].GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(200, requests[1].GetProperty("status").GetInt32());
        Assert.Equal(string.Empty, requests[1].GetProperty("query").GetString());
    }

    [Fact]
    public async Task TheQueryIsRecordedWithoutItsQuestionMarkAndControlCallsAreNotRecorded()
    {
        await SendAsync(HttpMethod.Post, "v3/auth/tokens?nocatalog=true", TokenRequest());
        await SendAsync(HttpMethod.Get, "_emulator/jobs");

        var recorded = Assert.Single(State.Requests.GetAll());
        Assert.Equal("nocatalog=true", recorded.Query);
    }

    [Fact]
    public async Task RefusedAndUnknownRequestsAreRecordedWithTheirStatus()
    {
        await SendAsync(HttpMethod.Get, "v2/nothing/here");
        await SubmitAsync(JobBody(), token: "MIIforged");

        Assert.Equal(new[] { 404, 401 }, State.Requests.GetAll().Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task DeletingTheRecordingClearsIt()
    {
        await LoginAsync();

        var deleted = await SendAsync(HttpMethod.Delete, "_emulator/requests");
        var reply = await SendAsync(HttpMethod.Get, "_emulator/requests");

        Assert.Equal(204, deleted.Status);
        Assert.Equal(0, reply.Json.GetArrayLength());
    }
}
