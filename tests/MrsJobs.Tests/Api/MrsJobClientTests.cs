using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MrsJobs.Core.Models;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Api;

/// <summary>
/// <see cref="Core.Api.MrsJobClient"/> against the in-process emulator: the exact request on the wire.
/// The refusals are in the other part of this class.
/// </summary>
public partial class MrsJobClientTests
{
    public class TheSubmitJobAsyncMethod : EmulatorTest
    {
        public TheSubmitJobAsyncMethod(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        public static TheoryData<string> AllTypes => new(JobTypes.All);

        [Fact]
        public async Task SendsOnePostToTheJobExecutionsRouteOfTheProjectAndCluster()
        {
            var session = await ConnectAsync();
            Fixture.State.Requests.Clear();

            await SubmitAsync(session, Job());

            var request = Assert.Single(Fixture.State.Requests.GetAll());
            Assert.Equal("POST", request.Method);
            Assert.Equal($"/v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions", request.Path);
            Assert.Equal(string.Empty, request.Query);
            Assert.Equal(200, request.Status);
        }

        [Fact]
        public async Task SendsTheTokenAndTheDocumentedContentType()
        {
            var session = await ConnectAsync();

            await SubmitAsync(session, Job());

            var headers = Assert.Single(Submissions()).Headers;
            var token = headers.Single(h => h.Key.Equals("X-Auth-Token", System.StringComparison.OrdinalIgnoreCase)).Value;
            Assert.StartsWith("MII", token);
            Assert.Equal("application/json; charset=utf-8", headers.Single(h => h.Key.Equals("Content-Type", System.StringComparison.OrdinalIgnoreCase)).Value);
            Assert.Contains(headers, h => h.Key.Equals("User-Agent", System.StringComparison.OrdinalIgnoreCase) && h.Value == UserAgent);
        }

        [Fact]
        public async Task SendsExactlyTheFourDocumentedFieldsInOrder()
        {
            var session = await ConnectAsync();
            var job = Job(
                JobTypes.MapReduce,
                "MapReduceTest",
                arguments: new[] { "obs://obs-test/program/hadoop-mapreduce-examples.jar", "wordcount", "obs://obs-test/input/" },
                properties: new[] { Pair("fs.obs.endpoint", "obs endpoint"), Pair("fs.obs.access.key", "xxx"), Pair("fs.obs.secret.key", "yyy") });

            await SubmitAsync(session, job);

            using var body = JsonDocument.Parse(Assert.Single(Submissions()).Body);
            var root = body.RootElement;
            Assert.Equal(new[] { "job_type", "job_name", "arguments", "properties" }, root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("MapReduce", root.GetProperty("job_type").GetString());
            Assert.Equal("MapReduceTest", root.GetProperty("job_name").GetString());
            Assert.Equal(JsonValueKind.Array, root.GetProperty("arguments").ValueKind);
            Assert.Equal(job.Arguments, root.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(JsonValueKind.Object, root.GetProperty("properties").ValueKind);
            Assert.Equal(
                new[] { "fs.obs.endpoint=obs endpoint", "fs.obs.access.key=xxx", "fs.obs.secret.key=yyy" },
                root.GetProperty("properties").EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()));
        }

        [Fact]
        public async Task SendsAnEmptyArrayAndAnEmptyObjectWhenThereAreNoArgumentsOrProperties()
        {
            var session = await ConnectAsync();

            await SubmitAsync(session, Job(JobTypes.DistCp, "copy"));

            Assert.Equal("{\"job_type\":\"DistCp\",\"job_name\":\"copy\",\"arguments\":[],\"properties\":{}}", Assert.Single(Submissions()).Body);
        }

        [Fact]
        public async Task WritesNonAsciiTextAsIsRatherThanAsEscapes()
        {
            var session = await ConnectAsync();

            await SubmitAsync(session, Job(arguments: new[] { "obs://桶/输入/" }, properties: new[] { Pair("comment", "作业") }));

            var body = Assert.Single(Submissions()).Body;
            Assert.Contains("obs://桶/输入/", body);
            Assert.Contains("\"作业\"", body);
            Assert.DoesNotContain("\\u", body);
        }

        [Fact]
        public async Task WritesJsonSpecialCharactersSoTheServiceReadsThemBack()
        {
            var session = await ConnectAsync();

            await SubmitAsync(session, Job(arguments: new[] { "tab\there", "line\nbreak", "é" }));

            var stored = Assert.Single(Fixture.State.Jobs.GetAll());
            Assert.Equal(new[] { "tab\there", "line\nbreak", "é" }, stored.Arguments);
        }

        [Theory]
        [MemberData(nameof(AllTypes))]
        public async Task SubmitsEveryJobType(string jobType)
        {
            var session = await ConnectAsync();

            var result = await SubmitAsync(session, Job(jobType, jobType + "_test", arguments: new[] { "obs://obs-test/x" }));

            Assert.True(result.Succeeded);
            Assert.Equal(SubmitStates.Complete, result.State);
            Assert.Matches("^[0-9a-f-]{36}$", result.JobId);
            Assert.Equal(jobType, result.JobType);
            Assert.Equal(jobType, JsonDocument.Parse(Assert.Single(Submissions()).Body).RootElement.GetProperty("job_type").GetString());
        }

        [Fact]
        public async Task ReturnsWhatWasSubmittedWithTheServicesJobId()
        {
            var session = await ConnectAsync();

            var result = await SubmitAsync(session, Job(JobTypes.SparkPython, "pi"));

            var stored = Assert.Single(Fixture.State.Jobs.GetAll());
            Assert.Equal(stored.JobId, result.JobId);
            Assert.Equal("pi", result.JobName);
            Assert.Equal(JobTypes.SparkPython, result.JobType);
            Assert.Equal(SeedData.FullClusterId, result.ClusterId);
            Assert.Equal(SeedData.CnNorth4ProjectId, result.ProjectId);
            Assert.Contains(stored.JobId, result.ToString());
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
    }
}
