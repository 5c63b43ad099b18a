using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary><c>GET /v3/projects?name=…</c>.</summary>
public sealed class IamProjectsTests : EmulatorTest
{
    public IamProjectsTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ARegionNameFindsExactlyThatProject()
    {
        var token = await LoginAsync();

        var reply = await SendAsync(HttpMethod.Get, "v3/projects?name=ap-southeast-1", token: token);

        Assert.Equal(200, reply.Status);
        var project = Assert.Single(reply.Json.GetProperty("projects").EnumerateArray());
        Assert.Equal(SeedData.ApSoutheast1ProjectId, project.GetProperty("id").GetString());
        Assert.Equal(SeedData.ApSoutheast1ProjectName, project.GetProperty("name").GetString());
        Assert.Equal(SeedData.DomainId, project.GetProperty("domain_id").GetString());
        Assert.True(project.GetProperty("enabled").GetBoolean());
        Assert.True(reply.Json.TryGetProperty("links", out _));
    }

    [Fact]
    public async Task WithoutANameEveryProjectOfTheAccountIsListed()
    {
        var token = await LoginAsync();

        var reply = await SendAsync(HttpMethod.Get, "v3/projects", token: token);

        var ids = reply.Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToArray();
        Assert.Equal(new[] { SeedData.CnNorth4ProjectId, SeedData.ApSoutheast1ProjectId }, ids);
    }

    [Fact]
    public async Task AnUnknownNameFindsNothing()
    {
        var token = await LoginAsync();

        var reply = await SendAsync(HttpMethod.Get, "v3/projects?name=xx-nowhere-1", token: token);

        Assert.Equal(200, reply.Status);
        Assert.Equal(0, reply.Json.GetProperty("projects").GetArrayLength());
    }

    [Fact]
    public async Task AnUnknownTokenGetsTheGatewaysApigw0301()
    {
        var reply = await SendAsync(HttpMethod.Get, "v3/projects?name=cn-north-4", token: "MIInot-a-token");

        Assert.Equal(401, reply.Status);
        Assert.Equal("APIGW.0301", reply.ErrorCode);
        Assert.Equal("Incorrect IAM authentication information: decrypt token fail", reply.ErrorMsg);
    }

    [Fact]
    public async Task AMissingTokenGetsTheGatewaysApigw0301()
    {
        var reply = await SendAsync(HttpMethod.Get, "v3/projects?name=cn-north-4");

        Assert.Equal(401, reply.Status);
        Assert.Equal("Incorrect IAM authentication information: x-auth-token not found", reply.ErrorMsg);
    }
}
