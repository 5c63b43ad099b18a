using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>The control API: reset, settings, clusters, users, tokens and jobs.</summary>
public sealed class ControlApiTests : EmulatorTest
{
    public ControlApiTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ResetRestoresTheSeededStateAndForgetsJobsFaultsRequestsSettingsAndTokens()
    {
        var token = await LoginAsync();
        await SubmitAsync(JobBody(), token: token);
        State.Clusters.Remove(SeedData.FullClusterId);
        State.Faults.Enqueue(new FaultRule(null, 1, 500, "0173", "x", FaultShape.JobSubmitResult, null));
        State.Settings.ArgumentCharacterCheck = false;

        var reset = await SendAsync(HttpMethod.Post, "_emulator/reset");

        Assert.Equal(204, reset.Status);
        Assert.Empty(State.Jobs.GetAll());
        Assert.Empty(State.Faults.GetPending());
        Assert.Empty(State.Requests.GetAll());
        Assert.True(State.Settings.ArgumentCharacterCheck);
        Assert.NotNull(State.Clusters.Find(SeedData.FullClusterId));
        Assert.Equal("APIGW.0301", (await SubmitAsync(JobBody(), token: token)).ErrorCode);
    }

    [Fact]
    public async Task TurningTheArgumentCharacterCheckOffLetsTheSeedsHiveSqlExampleThrough()
    {
        var sql = "DROP TABLE IF EXISTS t;insert into t values(\"v1\")";
        var settings = await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"argument_character_check\":false}");

        var accepted = await SubmitAsync(JobBody("HiveSql", "HiveSqlTest", new[] { sql }));

        Assert.Equal(200, settings.Status);
        Assert.False(settings.Json.GetProperty("argument_character_check").GetBoolean());
        Assert.Equal(86400, settings.Json.GetProperty("token_lifetime_seconds").GetDouble());
        Assert.Equal(200, accepted.Status);
        Assert.Equal(sql, Assert.Single(State.Jobs.GetAll()).Arguments[0]);
    }

    [Fact]
    public async Task TheArgumentCharacterSwitchLeavesThePropertyRuleInForce()
    {
        await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"argument_character_check\":false}");

        var reply = await SubmitAsync("{\"job_type\":\"MapReduce\",\"job_name\":\"x\",\"properties\":{\"k\":\"a|b\"}}");

        reply.AssertInvalidParameter("properties.k");
    }

    [Fact]
    public async Task TheTokenLifetimeSettingIsChangedOverHttp()
    {
        await SendAsync(HttpMethod.Put, "_emulator/settings", "{\"token_lifetime_seconds\":60}");

        Assert.Equal(System.TimeSpan.FromSeconds(60), State.Settings.TokenLifetime);
        Assert.True(State.Settings.ArgumentCharacterCheck);
    }

    [Fact]
    public async Task AnAddedClusterAdmitsOnlyItsComponentsAndCanBeRemoved()
    {
        var added = await SendAsync(
            HttpMethod.Post,
            "_emulator/clusters",
            $"{{\"cluster_id\":\"c-new\",\"project_id\":\"{SeedData.CnNorth4ProjectId}\",\"components\":[\"Hadoop\",\"Hive\"],\"state\":\"running\",\"unsynchronized_users\":[]}}");
        var token = await LoginAsync();

        var hive = await SubmitAsync(JobBody("HiveSql"), clusterId: "c-new", token: token);
        var spark = await SubmitAsync(JobBody("SparkSql"), clusterId: "c-new", token: token);
        var removed = await SendAsync(HttpMethod.Delete, "_emulator/clusters/c-new");
        var gone = await SubmitAsync(JobBody(), clusterId: "c-new", token: token);

        Assert.Equal(200, added.Status);
        Assert.Equal(200, hive.Status);
        Assert.Equal("0057", spark.SubmitErrorCode);
        Assert.Equal(204, removed.Status);
        Assert.Equal("12000003", gone.ErrorCode);
    }

    [Fact]
    public async Task AnAddedClusterWithoutAnUnsynchronizedUserListStillRefusesUnsyncedUser()
    {
        await SendAsync(HttpMethod.Post, "_emulator/clusters", $"{{\"cluster_id\":\"c2\",\"project_id\":\"{SeedData.CnNorth4ProjectId}\"}}");

        var cluster = State.Clusters.Find("c2")!;

        Assert.Contains(SeedData.UnsyncedUserName, cluster.UnsynchronizedUsers);
        Assert.Equal(new[] { ClusterComponent.Hadoop }, cluster.Components.ToArray());
        Assert.True(cluster.IsRunning);
    }

    [Fact]
    public async Task AnUnknownComponentIsRefused()
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/clusters", "{\"cluster_id\":\"c3\",\"project_id\":\"p\",\"components\":[\"Kafka\"]}");

        Assert.Equal(400, reply.Status);
        Assert.Equal("EMULATOR.0400", reply.ErrorCode);
    }

    [Fact]
    public async Task AnAddedUserCanLogIn()
    {
        var added = await SendAsync(HttpMethod.Post, "_emulator/users", "{\"domain\":\"demo-account\",\"name\":\"analyst\",\"password\":\"An4lyst!\"}");

        var login = await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest("analyst", "An4lyst!"));

        Assert.Equal(201, added.Status);
        Assert.Equal(201, login.Status);
    }

    [Fact]
    public async Task AnAddedProjectCanBeSignedInToOnceAndIsNotAddedTwice()
    {
        var added = await SendAsync(HttpMethod.Post, "_emulator/projects", "{\"domain\":\"demo-account\",\"name\":\"cn-north-4_etl\"}");
        var again = await SendAsync(HttpMethod.Post, "_emulator/projects", "{\"domain\":\"demo-account\",\"name\":\"cn-north-4_etl\"}");

        var login = await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest(projectName: "cn-north-4_etl"));

        Assert.Equal(201, added.Status);
        Assert.Equal(200, again.Status);
        Assert.Equal(added.Json.GetProperty("id").GetString(), again.Json.GetProperty("id").GetString());
        Assert.Equal(201, login.Status);
        Assert.Equal(added.Json.GetProperty("id").GetString(), login.Json.GetProperty("token").GetProperty("project").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{\"domain\":\"no-such-account\",\"name\":\"p\"}")]
    [InlineData("{\"domain\":\"demo-account\"}")]
    public async Task AProjectOfAnUnknownAccountOrWithoutANameIsRefused(string body)
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/projects", body);

        Assert.Equal(400, reply.Status);
        Assert.Equal("EMULATOR.0400", reply.ErrorCode);
    }

    [Fact]
    public async Task AnIssuedTokenWorksAndANonPositiveLifetimeGivesAnExpiredOne()
    {
        var live = await SendAsync(HttpMethod.Post, "_emulator/tokens", $"{{\"user\":\"demo-user\",\"domain\":\"demo-account\",\"project_id\":\"{SeedData.CnNorth4ProjectId}\",\"lifetime_seconds\":600}}");
        var dead = await SendAsync(HttpMethod.Post, "_emulator/tokens", $"{{\"user\":\"demo-user\",\"domain\":\"demo-account\",\"project_id\":\"{SeedData.CnNorth4ProjectId}\",\"lifetime_seconds\":0}}");

        Assert.Matches(@"\.\d{6}Z$", live.Json.GetProperty("expires_at").GetString());
        Assert.Equal(200, (await SubmitAsync(JobBody(), token: live.Json.GetProperty("token").GetString())).Status);
        Assert.Equal("APIGW.0307", (await SubmitAsync(JobBody(), token: dead.Json.GetProperty("token").GetString())).ErrorCode);
    }

    [Fact]
    public async Task JobsAreListedInSnakeCaseWithEpochMillisecondTimes()
    {
        await SubmitAsync(JobBody("SparkPython", "pi", new[] { "100" }));

        var reply = await SendAsync(HttpMethod.Get, "_emulator/jobs");

        var job = Assert.Single(reply.Json.EnumerateArray());
        Assert.Equal("SparkSubmit", job.GetProperty("job_type").GetString());
        Assert.Equal("pi", job.GetProperty("job_name").GetString());
        Assert.Equal(SeedData.FullClusterId, job.GetProperty("cluster_id").GetString());
        Assert.Equal("100", job.GetProperty("arguments")[0].GetString());
        Assert.Equal(SeedData.UserName, job.GetProperty("user").GetString());
        Assert.True(job.GetProperty("submitted_time").GetInt64() > 1_600_000_000_000);
    }

    [Fact]
    public async Task AFaultWithAnUnknownShapeIsRefused()
    {
        var reply = await SendAsync(HttpMethod.Post, "_emulator/faults", "{\"status\":500,\"error_code\":\"0173\",\"shape\":\"xml\"}");

        Assert.Equal(400, reply.Status);
        Assert.Empty(State.Faults.GetPending());
    }
}
