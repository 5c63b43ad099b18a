using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth.Signing;
using MrsJobs.Core.Http;
using MrsJobs.Core.Security;
using Xunit;

namespace MrsJobs.Tests.Auth.Signing;

/// <summary><see cref="AkSkAuthenticator"/> and <see cref="AkSkCredentials"/>: the headers a signed request carries.</summary>
public class AkSkAuthenticatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 4, 9, 5, 22, TimeSpan.Zero);

    public class TheAuthenticateAsyncMethod
    {
        [Theory]
        [InlineData("submit-json-no-charset")]
        [InlineData("submit-temporary")]
        [InlineData("iam-projects-by-name")]
        [InlineData("iam-projects-by-name-temporary")]
        [InlineData("list-get-repeated-keys")]
        [InlineData("path-unicode")]
        [InlineData("host-with-port")]
        [InlineData("kill-post-no-body")]
        [InlineData("list-get-json-content-type")]
        [InlineData("show-get-json-content-type")]
        [InlineData("kill-post-json-content-type")]
        [InlineData("list-get-json-content-type-temporary")]
        public async Task SignsAsTheSdkDoes(string name)
        {
            var vector = SigningVector.Named(name == "submit-json-no-charset" ? "submit-json" : name);
            using var credentials = new AkSkCredentials(vector.Ak, vector.SecretKey(), vector.SecurityToken);
            using var request = new HttpRequestMessage(new HttpMethod(vector.Method), vector.WireUri());
            if (vector.SignedHeaders.TryGetValue("content-type", out var contentType))
            {
                // As HttpExchange sends it: a body-less MRS call carries its Content-Type on an empty body.
                request.Content = vector.Body is null ? new ByteArrayContent(Array.Empty<byte>()) : new StringContent(vector.Body, new UTF8Encoding(false));
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            await new AkSkAuthenticator(credentials, vector.ProjectId, () => Now).AuthenticateAsync(request, CancellationToken.None);

            Assert.Equal(vector.Authorization, Header(request, "Authorization"));
        }

        [Fact]
        public async Task SetsDateHostProjectAndSecurityTokenHeaders()
        {
            using var credentials = Credentials("temporary-token");
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://mrs.cn-north-4.myhuaweicloud.com/v2/p1/clusters");

            await new AkSkAuthenticator(credentials, "p1", () => Now).AuthenticateAsync(request, CancellationToken.None);

            Assert.Equal("20260104T090522Z", Header(request, "X-Sdk-Date"));
            Assert.Equal("mrs.cn-north-4.myhuaweicloud.com", Header(request, "Host"));
            Assert.Equal("p1", Header(request, "X-Project-Id"));
            Assert.Equal("temporary-token", Header(request, "X-Security-Token"));
            Assert.StartsWith("SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature=", Header(request, "Authorization"));
        }

        [Fact]
        public async Task SignsTheContentTypeHttpClientWillSend()
        {
            using var credentials = Credentials();
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://h.example.com/v2/p1/x")
            {
                Content = new StringContent("{}", new UTF8Encoding(false)),
            };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(MrsHttpPipeline.JsonContentType);

            await new AkSkAuthenticator(credentials, "p1", () => Now).AuthenticateAsync(request, CancellationToken.None);

            Assert.Contains("SignedHeaders=content-type;host;x-project-id;x-sdk-date,", Header(request, "Authorization"));
            Assert.Equal(MrsHttpPipeline.JsonContentType, request.Content.Headers.ContentType!.ToString());
        }

        [Fact]
        public async Task SignsTheContentTypeOfABodylessCallOverTheEmptyPayload()
        {
            using var credentials = Credentials();
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example.com/v2/p1/x?limit=1")
            {
                Content = new ByteArrayContent(Array.Empty<byte>()),
            };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(MrsHttpPipeline.BodylessJsonContentType);

            await new AkSkAuthenticator(credentials, "p1", () => Now).AuthenticateAsync(request, CancellationToken.None);

            Assert.Contains("SignedHeaders=content-type;host;x-project-id;x-sdk-date,", Header(request, "Authorization"));
        }

        [Fact]
        public async Task LeavesOutProjectAndTokenWhenItHasNone()
        {
            using var credentials = Credentials();
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.myhuaweicloud.com/v3/projects?name=cn-north-4");

            await new AkSkAuthenticator(credentials, null, () => Now).AuthenticateAsync(request, CancellationToken.None);

            Assert.False(request.Headers.Contains("X-Project-Id"));
            Assert.False(request.Headers.Contains("X-Security-Token"));
            Assert.Contains("SignedHeaders=host;x-sdk-date,", Header(request, "Authorization"));
        }

        [Fact]
        public async Task ReplacesTheHeadersOfAnEarlierSignature()
        {
            using var credentials = Credentials();
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example.com/x");
            var later = Now;
            var authenticator = new AkSkAuthenticator(credentials, "p1", () => later);

            await authenticator.AuthenticateAsync(request, CancellationToken.None);
            later = Now.AddMinutes(1);
            await authenticator.AuthenticateAsync(request, CancellationToken.None);

            Assert.Equal("20260104T090622Z", Header(request, "X-Sdk-Date"));
            Assert.Single(request.Headers.GetValues("Authorization"));
        }

        [Fact]
        public async Task TheTraceHidesTheSignatureAndTheSecurityToken()
        {
            using var credentials = Credentials("temporary-token");
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example.com/x");
            await new AkSkAuthenticator(credentials, "p1", () => Now).AuthenticateAsync(request, CancellationToken.None);

            var trace = HttpTraceFormatter.Request(request, null);

            Assert.Contains("Authorization: " + Redactor.Mark, trace);
            Assert.Contains("X-Security-Token: " + Redactor.Mark, trace);
            Assert.Contains("X-Sdk-Date: 20260104T090522Z", trace);
            Assert.DoesNotContain("temporary-token", trace);
            Assert.DoesNotContain("Signature=", trace);
        }
    }

    public class TheDescriptions
    {
        [Fact]
        public void NameTheKeyButNeverTheSecrets()
        {
            using var credentials = Credentials("temporary-token");
            var authenticator = new AkSkAuthenticator(credentials, "p1");

            Assert.Equal("AkSk", authenticator.Method);
            Assert.Contains("AKEXAMPLE", authenticator.ToString());
            Assert.DoesNotContain("secret-key", authenticator.ToString());
            Assert.DoesNotContain("temporary-token", credentials.ToString());
            Assert.Null(authenticator.WithProjectId(null).ProjectId);
        }

        [Fact]
        public void TheSecretKeyBytesAreClearedAfterUse()
        {
            using var credentials = Credentials();
            byte[]? seen = null;

            var text = credentials.UseSecretKey(bytes =>
            {
                seen = bytes;
                return Encoding.UTF8.GetString(bytes);
            });

            Assert.Equal("secret-key", text);
            Assert.All(seen!, b => Assert.Equal(0, b));
        }

        [Fact]
        public void AnEmptyKeyIsRefused()
        {
            Assert.Throws<ArgumentException>(() => new AkSkCredentials(" ", Secure("x")));
            Assert.Throws<ArgumentException>(() => new AkSkCredentials("AK", new SecureString()));
        }
    }

    private static AkSkCredentials Credentials(string? token = null) => new("AKEXAMPLE", Secure("secret-key"), token);

    private static SecureString Secure(string text) => new System.Net.NetworkCredential(string.Empty, text).SecurePassword;

    private static string Header(HttpRequestMessage request, string name) => request.Headers.GetValues(name).Single();
}
