using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>
/// The job list's paging quirks: what <c>offset</c> counts is a setting with the four meanings the official
/// sources give (pages or jobs, from 0 or 1); the 1-based ones refuse <c>offset=0</c> with MRS.0002.
/// </summary>
public sealed class ListPagingTests : LifecycleTest
{
    public ListPagingTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData("page1", "0")]
    [InlineData("record1", "0")]
    [InlineData("page1", "-1")]
    [InlineData("page0", "-1")]
    [InlineData("record0", "-1")]
    [InlineData("page1", "first")]
    public async Task AnOffsetBelowTheFirstPageGets400MrsDot0002(string mode, string offset)
    {
        await SetModeAsync(mode);

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

    [Theory]
    [InlineData("page1", 1)]
    [InlineData("page0", 0)]
    public async Task InPageModesOffsetsCountPagesFromTheirFirstAcrossMoreThanThreePages(string mode, int first)
    {
        var ids = await AddJobsAsync("{\"count\":35,\"job_name\":\"page-{n}\"}");
        await SetModeAsync(mode);

        var pages = new System.Collections.Generic.List<string[]>();
        for (var offset = first; offset < first + 5; offset++)
        {
            pages.Add(IdsOf(await ListAsync($"limit=10&offset={offset}&sort_by=asc")));
        }

        Assert.Equal(new[] { 10, 10, 10, 5, 0 }, pages.Select(p => p.Length).ToArray());
        Assert.Equal(ids, pages.SelectMany(p => p).ToArray());
    }

    [Theory]
    [InlineData("record1", 11, 10)]
    [InlineData("record0", 11, 11)]
    [InlineData("record0", 0, 0)]
    public async Task InRecordModesOffsetsCountJobsFromTheirFirst(string mode, int offset, int skipped)
    {
        var ids = await AddJobsAsync("{\"count\":25}");
        var put = await SetModeAsync(mode);

        var reply = await ListAsync($"limit=10&offset={offset}&sort_by=asc");

        Assert.Equal(mode, put.Json.GetProperty("list_offset_mode").GetString());
        Assert.Equal(ids[skipped..(skipped + 10)], IdsOf(reply));
        Assert.Equal(25, reply.Json.GetProperty("total_record").GetInt32());
    }

    [Theory]
    [InlineData("page", "page1")]
    [InlineData("record", "record1")]
    public async Task TheOldModeNamesStillWorkAndMeanTheOneBasedModes(string old, string now)
    {
        var put = await SetModeAsync(old);

        Assert.Equal(200, put.Status);
        Assert.Equal(now, put.Json.GetProperty("list_offset_mode").GetString());
    }

    [Fact]
    public async Task AZeroBasedModeDefaultsTheOffsetToTheFirstPage()
    {
        var ids = await AddJobsAsync("{\"count\":3}");
        await SetModeAsync("page0");

        Assert.Equal(ids.Reverse(), IdsOf(await ListAsync()));
    }

    [Fact]
    public async Task ALimitOfAHundredIsAllowed()
    {
        await AddJobsAsync("{\"count\":120}");

        Assert.Equal(100, IdsOf(await ListAsync("limit=100")).Length);
    }

    [Theory]
    [InlineData(36, 202)]
    [InlineData(128, 202)]
    [InlineData(129, 400)]
    public async Task TheNameFilterTakesUpTo128Characters(int length, int status)
    {
        var reply = await ListAsync("job_name=" + new string('n', length));

        Assert.Equal(status, reply.Status);
    }

    [Fact]
    public async Task AnUnknownOffsetModeIsRefusedAndResetRestoresPageMode()
    {
        var bad = await SetModeAsync("index");
        await SetModeAsync("record0");

        State.Reset();
        var settings = await SendAsync(HttpMethod.Get, "_emulator/settings");

        Assert.Equal(400, bad.Status);
        Assert.Equal("EMULATOR.0400", bad.ErrorCode);
        Assert.Equal("page1", settings.Json.GetProperty("list_offset_mode").GetString());
    }

    [Fact]
    public async Task AQueuedListChangeHappensRightAfterTheNthListRequestAndOnlyOnce()
    {
        var ids = await AddJobsAsync("{\"count\":30}");
        var queued = await SendAsync(HttpMethod.Post, "_emulator/list-changes", "{\"after_lists\":2,\"delete_newest\":3,\"add\":{\"count\":2,\"job_name\":\"late-{n}\"}}");

        var first = await ListAsync("limit=10");
        var second = await ListAsync("limit=10");
        var third = await ListAsync("limit=10");
        var fourth = await ListAsync("limit=10");

        Assert.Equal(201, queued.Status);
        Assert.Equal(IdsOf(first), IdsOf(second));
        Assert.Equal(30, second.Json.GetProperty("total_record").GetInt32());
        Assert.Equal(29, third.Json.GetProperty("total_record").GetInt32());
        Assert.Equal(ids.Reverse().Skip(3).Take(8), IdsOf(third).Skip(2));
        Assert.Equal(IdsOf(third), IdsOf(fourth));
        Assert.Empty((await SendAsync(HttpMethod.Get, "_emulator/list-changes")).Json.EnumerateArray());
    }

    [Theory]
    [InlineData("{\"after_lists\":0,\"delete_newest\":1}")]
    [InlineData("{\"after_lists\":1}")]
    [InlineData("{\"after_lists\":1,\"add\":{\"job_name\":\"bad name\"}}")]
    public async Task AListChangeThatCannotHappenIsRefused(string body)
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/list-changes", body);

        Assert.Equal(400, reply.Status);
        Assert.Equal("EMULATOR.0400", reply.ErrorCode);
    }

    private Task<Reply> SetModeAsync(string mode) =>
        SendAsync(HttpMethod.Put, "_emulator/settings", "{\"list_offset_mode\":\"" + mode + "\"}");
}
