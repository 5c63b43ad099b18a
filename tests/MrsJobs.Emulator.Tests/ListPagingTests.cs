using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>The job list's paging quirks: a 1-based <c>offset</c>, and what it counts as a setting.</summary>
public sealed class ListPagingTests : LifecycleTest
{
    public ListPagingTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("first")]
    public async Task AnOffsetBelowOneGets400MrsDot0002(string offset)
    {
        var reply = await ListAsync("offset=" + offset);

        Assert.Equal(400, reply.Status);
        Assert.Equal("MRS.0002", reply.ErrorCode);
        Assert.Equal("the offset is invalid", reply.ErrorMsg);
    }

    [Fact]
    public async Task TheDefaultsAreTenJobsFromTheFirstPage()
    {
        var ids = await AddJobsAsync("{\"count\":12}");

        var reply = await ListAsync();

        Assert.Equal(12, reply.Json.GetProperty("total_record").GetInt32());
        Assert.Equal(ids.Reverse().Take(10), IdsOf(reply));
    }

    [Fact]
    public async Task InPageModeOffsetNIsTheNthPageAcrossMoreThanThreePages()
    {
        var ids = await AddJobsAsync("{\"count\":35,\"job_name\":\"page-{n}\"}");

        var pages = new System.Collections.Generic.List<string[]>();
        for (var offset = 1; offset <= 5; offset++)
        {
            pages.Add(IdsOf(await ListAsync($"limit=10&offset={offset}&sort_by=asc")));
        }

        Assert.Equal(new[] { 10, 10, 10, 5, 0 }, pages.Select(p => p.Length).ToArray());
        Assert.Equal(ids, pages.SelectMany(p => p).ToArray());
    }

    [Fact]
    public async Task InRecordModeOffsetNStartsAtTheNthJob()
    {
        var ids = await AddJobsAsync("{\"count\":25}");
        var put = await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"list_offset_mode\":\"record\"}");

        var reply = await ListAsync("limit=10&offset=11&sort_by=asc");

        Assert.Equal("record", put.Json.GetProperty("list_offset_mode").GetString());
        Assert.Equal(ids[10..20], IdsOf(reply));
        Assert.Equal(25, reply.Json.GetProperty("total_record").GetInt32());
    }

    [Fact]
    public async Task ALimitOfAHundredIsAllowed()
    {
        await AddJobsAsync("{\"count\":120}");

        Assert.Equal(100, IdsOf(await ListAsync("limit=100")).Length);
    }

    [Fact]
    public async Task AnUnknownOffsetModeIsRefusedAndResetRestoresPageMode()
    {
        var bad = await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"list_offset_mode\":\"index\"}");
        await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"list_offset_mode\":\"record\"}");

        State.Reset();
        var settings = await SendAsync(HttpMethod.Get, "_emulator/settings");

        Assert.Equal(400, bad.Status);
        Assert.Equal("EMULATOR.0400", bad.ErrorCode);
        Assert.Equal("page", settings.Json.GetProperty("list_offset_mode").GetString());
    }
}
