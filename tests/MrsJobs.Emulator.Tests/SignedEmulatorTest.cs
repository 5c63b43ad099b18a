using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Tests;

/// <summary>Base of the AK/SK tests: sends requests signed by <see cref="TestSigner"/>.</summary>
public abstract class SignedEmulatorTest : EmulatorTest
{
    /// <summary>The message of a refused signature.</summary>
    protected const string SignatureFail = "Incorrect IAM authentication information: verify aksk signature fail";

    /// <summary>The submission route of the full cluster in cn-north-4.</summary>
    protected const string SubmitPath = $"v2/{SeedData.CnNorth4ProjectId}/clusters/{SeedData.FullClusterId}/job-executions";

    /// <summary>Resets the shared emulator.</summary>
    protected SignedEmulatorTest(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>Sends a signed request (<c>X-Project-Id</c>, <c>X-Security-Token</c> and the body signed when given); <paramref name="tamper"/> may change it after signing.</summary>
    protected async Task<Reply> SendSignedAsync(
        HttpMethod method,
        string path,
        string? body = null,
        string accessKey = SeedData.AccessKey,
        string secretKey = SeedData.SecretKey,
        DateTimeOffset? date = null,
        string? projectId = SeedData.CnNorth4ProjectId,
        string? securityToken = null,
        Action<HttpRequestMessage>? tamper = null,
        params string[] signedHeaders)
    {
        using var request = new HttpRequestMessage(method, new Uri(Fixture.Server.BaseAddress, path));
        var names = new System.Collections.Generic.List<string> { "host", "x-sdk-date" };
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(JsonUtf8);
            names.Add("content-type");
        }

        if (projectId is not null)
        {
            request.Headers.Add("X-Project-Id", projectId);
            names.Add("x-project-id");
        }

        if (securityToken is not null)
        {
            request.Headers.Add("X-Security-Token", securityToken);
            names.Add("x-security-token");
        }

        TestSigner.Sign(request, accessKey, secretKey, date ?? DateTimeOffset.UtcNow, signedHeaders.Length > 0 ? signedHeaders : names.ToArray());
        tamper?.Invoke(request);
        using var response = await Fixture.Http.SendAsync(request);
        return await Reply.ReadAsync(response);
    }
}
