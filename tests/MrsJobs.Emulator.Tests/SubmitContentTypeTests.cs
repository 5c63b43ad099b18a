using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>The <c>Content-Type</c> rule of job submission.</summary>
public sealed class SubmitContentTypeTests : EmulatorTest
{
    public SubmitContentTypeTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task JsonWithOrWithoutAUtf8CharsetIsAccepted(string contentType)
    {
        var reply = await SubmitAsync(JobBody(), contentType: contentType);

        Assert.Equal(200, reply.Status);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task AnythingElseGets415With12000002(string? contentType)
    {
        var reply = await SubmitAsync(JobBody(), contentType: contentType);

        Assert.Equal(415, reply.Status);
        Assert.Equal("12000002", reply.ErrorCode);
    }
}
