using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MrsJobs.Core.Auth;
using MrsJobs.Core.Errors;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;
using MrsJobs.Emulator.State;
using MrsJobs.Tests.Support;
using Xunit;

namespace MrsJobs.Tests.Auth;

/// <summary><see cref="SessionFactory"/>: password sign-in through IAM (the emulator's), and sessions from a token.</summary>
public class SessionFactoryTests
{
    public class TheConnectWithPasswordAsyncMethod : EmulatorTest
    {
        public TheConnectWithPasswordAsyncMethod(EmulatorFixture fixture)
            : base(fixture)
        {
        }

        private Task<MrsSession> ConnectAsync(PasswordSignIn signIn) =>
            SessionFactory.ConnectWithPasswordAsync(signIn, CallContext.None, UserAgent);

        [Fact]
        public async Task ScopesTheTokenToTheRegionsProjectByDefault()
        {
            var session = await ConnectAsync(SignIn());

            Assert.Equal(SeedData.CnNorth4ProjectId, session.ProjectId);
            Assert.Equal(SeedData.CnNorth4ProjectName, session.ProjectName);
            Assert.Equal("cn-north-4", session.Region);
            Assert.Equal(AuthMethod.Password, session.AuthMethod);
            Assert.Equal(SeedData.UserName, session.UserName);
            Assert.Equal(SeedData.DomainName, session.DomainName);
            Assert.Equal(BaseAddress, session.Endpoint);
            Assert.Equal(BaseAddress, session.IamEndpoint);
            Assert.InRange(session.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
            Assert.False(session.IsExpired);
        }

        [Fact]
        public async Task SendsTheDocumentedPasswordRequestToIam()
        {
            await ConnectAsync(SignIn());

            var request = Assert.Single(Fixture.State.Requests.GetAll());
            Assert.Equal("POST", request.Method);
            Assert.Equal("/v3/auth/tokens", request.Path);
            Assert.Equal("nocatalog=true", request.Query);
            Assert.Equal(
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo-user\",\"password\":\"Demo-Passw0rd!\",\"domain\":{\"name\":\"demo-account\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}",
                request.Body);
            Assert.DoesNotContain(request.Headers.Keys, k => k.Equals("X-Auth-Token", StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public async Task ScopesTheTokenToAProjectGivenById()
        {
            var signIn = SignIn();
            signIn.ProjectId = SeedData.ApSoutheast1ProjectId;

            var session = await ConnectAsync(signIn);

            Assert.Equal(SeedData.ApSoutheast1ProjectId, session.ProjectId);
            Assert.Equal(SeedData.ApSoutheast1ProjectName, session.ProjectName);
            Assert.Contains("\"project\":{\"id\":\"" + SeedData.ApSoutheast1ProjectId + "\"}", Fixture.State.Requests.GetAll().Single().Body);
        }

        [Fact]
        public async Task ScopesTheTokenToAProjectGivenByName()
        {
            var signIn = SignIn();
            signIn.ProjectName = SeedData.ApSoutheast1ProjectName;

            var session = await ConnectAsync(signIn);

            Assert.Equal(SeedData.ApSoutheast1ProjectId, session.ProjectId);
            Assert.Equal("cn-north-4", session.Region);
        }

        [Fact]
        public async Task ReadsTheRegionInAnyCaseAndWithBlanks()
        {
            var session = await ConnectAsync(SignIn(region: " CN-North-4 "));

            Assert.Equal("cn-north-4", session.Region);
            Assert.Equal(SeedData.CnNorth4ProjectId, session.ProjectId);
        }

        [Fact]
        public async Task AcceptsAnIamEndpointWrittenWithV3()
        {
            var signIn = SignIn();
            signIn.IamEndpoint = new Uri(BaseAddress, "v3/");

            var session = await ConnectAsync(signIn);

            Assert.Equal(BaseAddress, session.IamEndpoint);
            Assert.Equal("/v3/auth/tokens", Fixture.State.Requests.GetAll().Single().Path);
        }

        [Fact]
        public async Task RefusesAWrongPasswordWithIamsMessageButNotThePassword()
        {
            var failure = await Assert.ThrowsAsync<MrsApiException>(() => ConnectAsync(SignIn(password: "Wr0ng-Secret-Pass")));

            Assert.Equal(MrsErrorKind.Authentication, failure.Kind);
            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
            Assert.Equal("IamAuthenticationFailed", failure.ErrorId);
            Assert.Contains("The username or password is wrong.", failure.Message);
            Assert.Contains(SeedData.UserName, failure.Message);
            Assert.DoesNotContain("Wr0ng-Secret-Pass", failure.Message);
            Assert.Matches("^[0-9a-f]{32}$", failure.RequestId);
        }

        [Fact]
        public async Task SaysAProjectIsUnknown()
        {
            var signIn = SignIn();
            signIn.ProjectName = "cn-north-4_nope";

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => ConnectAsync(signIn));

            Assert.Equal(MrsErrorKind.NotFound, failure.Kind);
            Assert.Equal("IamProjectNotFound", failure.ErrorId);
            Assert.Contains("cn-north-4_nope", failure.Message);
        }

        [Fact]
        public async Task SaysIamCannotBeReached()
        {
            var signIn = SignIn();
            signIn.IamEndpoint = ClosedPort.Address();

            var failure = await Assert.ThrowsAsync<MrsApiException>(() => ConnectAsync(signIn));

            Assert.Equal(MrsErrorKind.Connection, failure.Kind);
            Assert.Contains(signIn.IamEndpoint.GetLeftPart(UriPartial.Authority), failure.Message);
            Assert.DoesNotContain(SeedData.Password, failure.Message);
        }

        [Fact]
        public async Task RequiresARegionOrEndpoints()
        {
            var signIn = new PasswordSignIn(SeedData.UserName, Secure(SeedData.Password), SeedData.DomainName) { ProjectName = "cn-north-4" };

            await Assert.ThrowsAsync<ArgumentException>(() => ConnectAsync(signIn));
            Assert.Empty(Fixture.State.Requests.GetAll());
        }
    }

    public class TheFromTokenMethod
    {
        [Fact]
        public void MakesATokenSessionWithoutSendingAnything()
        {
            var endpoint = new Uri("https://mrs.example.com/");

            var session = SessionFactory.FromToken("MIIsecret-token", " 0b4a5b9c6d7e4f8091a2b3c4d5e6f708 ", null, endpoint, null);

            Assert.Equal(AuthMethod.Token, session.AuthMethod);
            Assert.Equal("0b4a5b9c6d7e4f8091a2b3c4d5e6f708", session.ProjectId);
            Assert.Equal(endpoint, session.Endpoint);
            Assert.Null(session.IamEndpoint);
            Assert.Null(session.ExpiresAt);
            Assert.False(session.IsExpired);
        }

        [Fact]
        public void DerivesTheEndpointsFromTheRegion()
        {
            var session = SessionFactory.FromToken("MIIx", "p", "eu-west-101", null, null);

            Assert.Equal(new Uri("https://mrs.eu-west-101.myhuaweicloud.eu/"), session.Endpoint);
            Assert.Equal(new Uri("https://iam.eu-west-101.myhuaweicloud.eu/"), session.IamEndpoint);
        }

        [Fact]
        public void NeverShowsTheToken()
        {
            var session = SessionFactory.FromToken("MIIsecret-token", "p", "cn-north-4", null, null);

            Assert.DoesNotContain("MIIsecret-token", session.ToString());
            Assert.DoesNotContain("MIIsecret-token", session.Authenticator.ToString());
        }

        [Theory]
        [InlineData("")]
        [InlineData("  ")]
        public void RequiresAProjectId(string projectId)
        {
            Assert.Throws<ArgumentException>(() => SessionFactory.FromToken("MIIx", projectId, "cn-north-4", null, null));
        }

        [Fact]
        public void RequiresAToken()
        {
            Assert.Throws<ArgumentException>(() => SessionFactory.FromToken(" ", "p", "cn-north-4", null, null));
        }

        [Fact]
        public void RequiresARegionOrAnEndpoint()
        {
            Assert.Throws<ArgumentException>(() => SessionFactory.FromToken("MIIx", "p", null, null, null));
        }

        [Fact]
        public void KnowsATokenIsExpiredWhenTheExpiryHasPassed()
        {
            var session = SessionFactory.FromToken("MIIx", "p", "cn-north-4", null, null, DateTimeOffset.UtcNow.AddSeconds(-1));

            Assert.True(session.IsExpired);
        }
    }
}
