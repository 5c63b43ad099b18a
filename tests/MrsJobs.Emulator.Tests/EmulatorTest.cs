using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>Base of the HTTP tests: resets the shared emulator and offers request helpers.</summary>
[Collection(EmulatorCollection.Name)]
public abstract class EmulatorTest
{
    /// <summary>The default content type of submissions.</summary>
    protected const string JsonUtf8 = "application/json; charset=utf-8";

    /// <summary>Resets the shared emulator so the test starts from the seeded state.</summary>
    /// <param name="fixture">The shared emulator.</param>
    protected EmulatorTest(EmulatorFixture fixture)
    {
        Fixture = fixture;
        fixture.Clock.Release();
        fixture.State.Reset();
    }

    /// <summary>The shared emulator.</summary>
    protected EmulatorFixture Fixture { get; }

    /// <summary>The emulator's clock (released to the system clock before each test).</summary>
    protected TestClock Clock => Fixture.Clock;

    /// <summary>The emulator's state.</summary>
    protected EmulatorState State => Fixture.State;

    /// <summary>A password token request body.</summary>
    protected static string TokenRequest(
        string user = SeedData.UserName,
        string password = SeedData.Password,
        string domain = SeedData.DomainName,
        string? projectName = SeedData.CnNorth4ProjectName,
        string? projectId = null)
    {
        var project = projectId is null
            ? new Dictionary<string, object?> { ["name"] = projectName }
            : new Dictionary<string, object?> { ["id"] = projectId };
        return JsonSerializer.Serialize(new
        {
            auth = new
            {
                identity = new
                {
                    methods = new[] { "password" },
                    password = new { user = new { name = user, password, domain = new { name = domain } } },
                },
                scope = new { project },
            },
        });
    }

    /// <summary>A submission body; <see langword="null"/> members are left out.</summary>
    protected static string JobBody(
        string? jobType = "MapReduce",
        string? jobName = "wordcount",
        IEnumerable<string>? arguments = null,
        IDictionary<string, string>? properties = null)
    {
        var body = new Dictionary<string, object>();
        if (jobType is not null)
        {
            body["job_type"] = jobType;
        }

        if (jobName is not null)
        {
            body["job_name"] = jobName;
        }

        if (arguments is not null)
        {
            body["arguments"] = arguments.ToArray();
        }

        if (properties is not null)
        {
            body["properties"] = properties;
        }

        return JsonSerializer.Serialize(body);
    }

    /// <summary>Sends a request with an optional body, content type and token.</summary>
    protected async Task<Reply> SendAsync(
        HttpMethod method,
        string path,
        string? body = null,
        string? contentType = JsonUtf8,
        string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        }

        using var response = await Fixture.Http.SendAsync(request);
        return await Reply.ReadAsync(response);
    }

    /// <summary>Logs in over HTTP and returns the <c>X-Subject-Token</c>.</summary>
    protected async Task<string> LoginAsync(
        string user = SeedData.UserName,
        string password = SeedData.Password,
        string project = SeedData.CnNorth4ProjectName)
    {
        var reply = await SendAsync(HttpMethod.Post, "v3/auth/tokens", TokenRequest(user, password, projectName: project));
        Assert.Equal(201, reply.Status);
        return reply.Header("X-Subject-Token")!;
    }

    /// <summary>Submits a job body to a cluster of cn-north-4 as demo-user (or with the given token).</summary>
    protected async Task<Reply> SubmitAsync(
        string body,
        string clusterId = SeedData.FullClusterId,
        string? token = null,
        string projectId = SeedData.CnNorth4ProjectId,
        string? contentType = JsonUtf8)
    {
        token ??= await LoginAsync();
        return await SendAsync(
            HttpMethod.Post, $"v2/{projectId}/clusters/{clusterId}/job-executions", body, contentType, token);
    }
}
