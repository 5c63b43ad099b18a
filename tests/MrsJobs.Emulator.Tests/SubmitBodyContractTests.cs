using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>The documented body contract of job submission: 400 12000002 <c>Invalid parameter: field: rule</c>.</summary>
public sealed class SubmitBodyContractTests : EmulatorTest
{
    public SubmitBodyContractTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    public static TheoryData<string> JobTypes => new()
    {
        "MapReduce", "SparkSubmit", "SparkPython", "HiveScript", "HiveSql", "DistCp", "SparkScript", "SparkSql", "Flink",
    };

    public static TheoryData<string> ArgumentCharacters => new() { ";", "|", "&", ">", "'", "<", "$", "!", "\"", "\\" };

    public static TheoryData<string> PropertyCharacters => new() { ">", "<", "|", "'", "`", "&", "!", "\"", "\\" };

    [Theory]
    [MemberData(nameof(JobTypes))]
    public async Task EachDocumentedJobTypeIsAccepted(string jobType)
    {
        var reply = await SubmitAsync(JobBody(jobType));

        Assert.Equal(200, reply.Status);
        Assert.Equal("COMPLETE", reply.Json.GetProperty("job_submit_result").GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("Spark")]
    [InlineData("mapreduce")]
    [InlineData("")]
    public async Task AnUnknownOrWronglyCasedJobTypeIsRefused(string jobType)
    {
        (await SubmitAsync(JobBody(jobType))).AssertInvalidParameter("job_type");
    }

    [Fact]
    public async Task AMissingJobTypeIsRefused() =>
        (await SubmitAsync(JobBody(jobType: null))).AssertInvalidParameter("job_type");

    [Fact]
    public async Task AMissingJobNameIsRefused() =>
        (await SubmitAsync(JobBody(jobName: null))).AssertInvalidParameter("job_name");

    [Theory]
    [InlineData("a")]
    [InlineData("Job_name-1")]
    public async Task ANameOfOneToSixtyFourLettersDigitsDashesOrUnderscoresIsAccepted(string jobName) =>
        Assert.Equal(200, (await SubmitAsync(JobBody(jobName: jobName))).Status);

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dot.name")]
    [InlineData("名字")]
    public async Task ANameBreakingThePatternIsRefused(string jobName) =>
        (await SubmitAsync(JobBody(jobName: jobName))).AssertInvalidParameter("job_name");

    [Fact]
    public async Task ANameOfExactlySixtyFourCharactersIsAccepted() =>
        Assert.Equal(200, (await SubmitAsync(JobBody(jobName: new string('n', 64)))).Status);

    [Fact]
    public async Task ANameOfSixtyFiveCharactersIsRefused() =>
        (await SubmitAsync(JobBody(jobName: new string('n', 65)))).AssertInvalidParameter("job_name");

    [Fact]
    public async Task TheSeedsTypoArgIsRefusedAsAnUnknownField()
    {
        var reply = await SubmitAsync("{\"job_type\":\"SparkSql\",\"job_name\":\"SparkSqlTest\",\"arg\":[\"op-key1\"]}");

        reply.AssertInvalidParameter("arg");
        Assert.Contains("unknown field", reply.ErrorMsg);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"job_type\":\"MapReduce\",\"job_name\":\"x\"")]
    public async Task ABodyThatIsNotAJsonObjectIsRefused(string body) =>
        (await SubmitAsync(body)).AssertInvalidParameter("body");

    [Theory]
    [MemberData(nameof(ArgumentCharacters))]
    public async Task AnArgumentWithAForbiddenCharacterIsRefused(string character)
    {
        var reply = await SubmitAsync(JobBody(arguments: new[] { "ok", "a" + character + "b" }));

        reply.AssertInvalidParameter("arguments[1]");
        Assert.Empty(State.Jobs.GetAll());
    }

    [Fact]
    public async Task ArgumentsTotallingExactly4096CharactersAreAccepted() =>
        Assert.Equal(200, (await SubmitAsync(JobBody(arguments: new[] { new string('a', 4000), new string('b', 96) }))).Status);

    [Fact]
    public async Task ArgumentsTotalling4097CharactersAreRefused() =>
        (await SubmitAsync(JobBody(arguments: new[] { new string('a', 4000), new string('b', 97) }))).AssertInvalidParameter("arguments");

    [Fact]
    public async Task AnArgumentThatIsNotAStringIsRefused() =>
        (await SubmitAsync("{\"job_type\":\"MapReduce\",\"job_name\":\"x\",\"arguments\":[\"a\",1]}")).AssertInvalidParameter("arguments[1]");

    [Fact]
    public async Task ArgumentsThatAreNotAnArrayAreRefused() =>
        (await SubmitAsync("{\"job_type\":\"MapReduce\",\"job_name\":\"x\",\"arguments\":\"a b\"}")).AssertInvalidParameter("arguments");

    [Theory]
    [MemberData(nameof(PropertyCharacters))]
    public async Task APropertyValueWithAForbiddenCharacterIsRefused(string character)
    {
        var reply = await SubmitAsync(JobBody(properties: new Dictionary<string, string> { ["k"] = "v" + character }));

        reply.AssertInvalidParameter("properties.k");
    }

    [Theory]
    [MemberData(nameof(PropertyCharacters))]
    public async Task APropertyKeyWithAForbiddenCharacterIsRefused(string character)
    {
        var reply = await SubmitAsync(JobBody(properties: new Dictionary<string, string> { ["k" + character] = "v" }));

        reply.AssertInvalidParameter($"properties key 'k{character}'");
    }

    [Fact]
    public async Task ADollarSignIsAllowedInProperties() =>
        Assert.Equal(200, (await SubmitAsync(JobBody(properties: new Dictionary<string, string> { ["k"] = "$HOME;x" }))).Status);

    [Fact]
    public async Task PropertiesTotallingExactly2048CharactersAreAccepted() =>
        Assert.Equal(200, (await SubmitAsync(JobBody(properties: new Dictionary<string, string> { ["key"] = new string('v', 2045) }))).Status);

    [Fact]
    public async Task PropertiesTotalling2049CharactersAreRefused() =>
        (await SubmitAsync(JobBody(properties: new Dictionary<string, string> { ["key"] = new string('v', 2046) }))).AssertInvalidParameter("properties");

    [Fact]
    public async Task APropertyValueThatIsNotAStringIsRefused() =>
        (await SubmitAsync("{\"job_type\":\"MapReduce\",\"job_name\":\"x\",\"properties\":{\"n\":1}}")).AssertInvalidParameter("properties.n");

    [Fact]
    public async Task TheSeedsHiveSqlExampleIsRefusedWhileTheArgumentCharacterCheckIsOn()
    {
        var sql = "DROP TABLE IF EXISTS src_wordcount;create external table src_wordcount(line string) row format delimited fields terminated by \"\\n\" stored as textfile location \"obs://obs-test/input/\";insert into src_wordcount values(\"v1\")";

        (await SubmitAsync(JobBody("HiveSql", "HiveSqlTest", new[] { sql }))).AssertInvalidParameter("arguments[0]");
    }

    [Fact]
    public async Task AcceptedArgumentsAndPropertiesAreStoredAsSent()
    {
        var arguments = new[] { "obs://bucket/app.jar", "wordcount", "obs://bucket/in/" };
        var properties = new Dictionary<string, string> { ["fs.obs.endpoint"] = "obs endpoint" };

        var reply = await SubmitAsync(JobBody("MapReduce", "MapReduceTest", arguments, properties));

        var job = Assert.Single(State.Jobs.GetAll());
        Assert.Equal(reply.Json.GetProperty("job_submit_result").GetProperty("job_id").GetString(), job.JobId);
        Assert.Equal(arguments, job.Arguments.ToArray());
        Assert.Equal("obs endpoint", job.Properties["fs.obs.endpoint"]);
        Assert.Equal("MapReduceTest", job.JobName);
    }
}
