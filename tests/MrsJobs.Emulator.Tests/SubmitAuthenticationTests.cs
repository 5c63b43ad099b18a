using System;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>The authentication check in front of the MRS endpoints, seen through job submission.</summary>
public sealed class SubmitAuthenticationTests : EmulatorTest
{
    public SubmitAuthenticationTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task AMissingTokenGets401Apigw0301XAuthTokenNotFound()
    {
        var reply = await SendAsync(System.Net.Http.HttpMethod.Post, $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions", JobBody());

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
        Assert.Equal("Incorrect IAM authentication information: x-auth-token not found", reply.ErrorMsg);
        Assert.Equal(reply.Header("X-Request-Id"), reply.Json.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task AnUnknownTokenGets401Apigw0301DecryptTokenFail()
    {
        var reply = await SubmitAsync(JobBody(), token: "MIIforged");

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
        Assert.Equal("Incorrect IAM authentication information: decrypt token fail", reply.ErrorMsg);
    }

    [Fact]
    public async Task AnExpiredTokenGets401Apigw0307()
    {
        var user = State.Identity.FindUser(SeedData.DomainId, SeedData.UserName)!;
        var project = State.Identity.FindProject(SeedData.DomainId, null, SeedData.CnNorth4ProjectId)!;
        var expired = State.Identity.IssueToken(user, project, TimeSpan.Zero);

        var reply = await SubmitAsync(JobBody(), token: expired.Token);

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0307", reply.ErrorCode);
        Assert.Equal("The token must be updated.", reply.ErrorMsg);
        Assert.Empty(State.Jobs.GetAll());
    }

    [Fact]
    public async Task ATokenOfAnotherProjectGets403With12000001()
    {
        var token = await LoginAsync(project: SeedData.ApSoutheast1ProjectName);

        var reply = await SubmitAsync(JobBody(), token: token);

        Assert.Equal(403, reply.Status);
        Assert.Equal("12000001", reply.ErrorCode);
        Assert.Contains(SeedData.CnNorth4ProjectId, reply.ErrorMsg);
    }

    [Fact]
    public async Task AuthenticationIsCheckedBeforeTheBody()
    {
        var reply = await SubmitAsync("not json", token: "MIIforged", contentType: "text/plain");

        Assert.Equal(401, reply.Status);
    }
}
