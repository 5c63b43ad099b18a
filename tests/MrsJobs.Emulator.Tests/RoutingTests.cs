using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>Routes that do not exist, and headers every response carries.</summary>
public sealed class RoutingTests : EmulatorTest
{
    public RoutingTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData("GET", "v2/p/clusters/c/nothing")]
    [InlineData("GET", "v1.1/p/clusters")]
    [InlineData("DELETE", "v3/auth/tokens")]
    [InlineData("GET", "")]
    public async Task AnUnknownRouteGets404InTheCanonicalShape(string method, string path)
    {
        var reply = await SendAsync(new HttpMethod(method), path);

        Assert.Equal(404, reply.Status);
        Assert.Equal("APIGW.0101", reply.ErrorCode);
        Assert.Contains(method, reply.ErrorMsg);
        Assert.Matches("^[0-9a-f]{32}$", reply.Header("X-Request-Id"));
    }

    [Fact]
    public async Task EveryResponseCarriesItsOwnRequestId()
    {
        var first = await SubmitAsync(JobBody());
        var second = await SubmitAsync(JobBody());

        Assert.Matches("^[0-9a-f]{32}$", first.Header("X-Request-Id"));
        Assert.NotEqual(first.Header("X-Request-Id"), second.Header("X-Request-Id"));
    }
}
