using System;
using System.IO;
using MrsJobs.Core.Credentials;
using Xunit;
using static MrsJobs.Tests.Credentials.CredentialFixtures;

namespace MrsJobs.Tests.Credentials;

/// <summary>
/// <see cref="CredentialChain"/> beyond access keys: an identity provider with its ID token file (Go SDK
/// <c>env_provider.go</c>, <c>profile_provider.go</c>, <c>credential_provider.go</c> <c>fillCommonAttrs</c>), and the
/// metadata service as the last step (<c>provider_chain.go</c>: environment → profile → metadata).
/// </summary>
public class CredentialChainFederationTests
{
    private static readonly (string, string?)[] EnvWithKeys = { (CredentialVariables.AccessKey, EnvAk), (CredentialVariables.SecretKey, EnvSk) };

    public class TheIdentityProviderSettings
    {
        [Fact]
        public void WinOverKeysOfTheSameSourceAsInTheSdks()
        {
            using var home = new TempHome();

            var found = home.Chain(
                (CredentialVariables.AccessKey, EnvAk),
                (CredentialVariables.SecretKey, EnvSk),
                (CredentialVariables.IdpId, "corp-oidc"),
                (CredentialVariables.IdTokenFile, "/var/run/secrets/token"),
                (CredentialVariables.ProjectId, "env-project")).Resolve();

            var federated = Assert.IsType<IdTokenCredentials>(found);
            Assert.Equal("corp-oidc", federated.IdpId);
            Assert.Equal(Path.GetFullPath("/var/run/secrets/token"), federated.IdTokenFile);
            Assert.Equal("env-project", federated.ProjectId);
            Assert.Equal(CredentialSourceKind.Environment, federated.SourceKind);
            Assert.Equal($"ID token file {Path.GetFullPath("/var/run/secrets/token")} of identity provider corp-oidc from environment variables HUAWEICLOUD_SDK_IDP_ID/HUAWEICLOUD_SDK_ID_TOKEN_FILE", federated.Origin);
        }

        [Theory]
        [InlineData(CredentialVariables.IdpId, "HUAWEICLOUD_SDK_IDP_ID is set but HUAWEICLOUD_SDK_ID_TOKEN_FILE is not.")]
        [InlineData(CredentialVariables.IdTokenFile, "HUAWEICLOUD_SDK_ID_TOKEN_FILE is set but HUAWEICLOUD_SDK_IDP_ID is not.")]
        public void AreRefusedHalfSetInsteadOfFallingBackToTheKeys(string variable, string message)
        {
            using var home = new TempHome();

            var error = Fails(() => home.Chain((CredentialVariables.AccessKey, EnvAk), (CredentialVariables.SecretKey, EnvSk), (variable, "x")).Resolve(), CredentialsProblem.Incomplete);

            Assert.StartsWith("Environment variables: " + message, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void AreReadFromTheBasicSectionOfTheProfileFileWithARelativePathMadeFull()
        {
            using var home = new TempHome();
            home.Write("[basic]\nidp_id = corp-oidc\nid_token_file = tokens/id_token\nproject_id = file-project\n");

            var federated = Assert.IsType<IdTokenCredentials>(home.Chain().Resolve());

            Assert.Equal(Path.GetFullPath("tokens/id_token"), federated.IdTokenFile);
            Assert.Equal("file-project", federated.ProjectId);
            Assert.Equal(CredentialSourceKind.ProfileFile, federated.SourceKind);
        }

        [Fact]
        public void GivenAsParametersComeBeforeTheEnvironment()
        {
            using var home = new TempHome();

            var found = home.Chain(EnvWithKeys).Resolve(new CredentialParameters { IdpId = "corp-oidc", IdTokenFile = "/tmp/token", ProjectId = "given" });

            var federated = Assert.IsType<IdTokenCredentials>(found);
            Assert.Equal(CredentialSourceKind.Explicit, federated.SourceKind);
            Assert.Equal("parameters -IdpId/-IdTokenFile", federated.Source);
            Assert.Equal("given", federated.ProjectId);
        }

        [Fact]
        public void GivenHalfAreRefused()
        {
            using var home = new TempHome();

            var error = Fails(() => home.Chain(EnvWithKeys).Resolve(new CredentialParameters { IdpId = "corp-oidc" }), CredentialsProblem.Incomplete);

            Assert.StartsWith("Parameters: -IdpId is set but -IdTokenFile is not.", error.Message, StringComparison.Ordinal);
        }
    }

    public class TheMetadataStep
    {
        [Fact]
        public void ComesLastWithTheServicesOwnAddressAndNoSettingsOfTheSourcesThatHadNoCredentials()
        {
            using var home = new TempHome();

            var metadata = Assert.IsType<MetadataCredentials>(home.Chain((CredentialVariables.ProjectId, "env-project")).Resolve());

            Assert.True(metadata.IsImplicit);
            Assert.Equal(new Uri("http://169.254.169.254/"), metadata.Endpoint);
            Assert.Null(metadata.ProjectId);
            Assert.Equal(CredentialSourceKind.InstanceMetadata, metadata.SourceKind);
        }

        [Fact]
        public void IsTakenAtOnceWithUseMetadataAndThenFailsWithTheServicesOwnError()
        {
            using var home = new TempHome();

            var found = home.Chain(EnvWithKeys).Resolve(new CredentialParameters { UseMetadata = true, ProjectId = "given" });

            var metadata = Assert.IsType<MetadataCredentials>(found);
            Assert.False(metadata.IsImplicit);
            Assert.Null(metadata.NotFound("no answer within 3 s"));
            Assert.Equal("given", metadata.ProjectId);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
        [InlineData("http://169.254.0.1/prefix", "http://169.254.0.1/prefix/")]
        [InlineData("https://metadata.example.com", "https://metadata.example.com/")]
        public void AsksTheServiceMrsjobsMetadataEndpointNames(string value, string expected)
        {
            using var home = new TempHome();

            var metadata = Assert.IsType<MetadataCredentials>(home.Chain((CredentialVariables.MetadataEndpoint, value)).Resolve());

            Assert.Equal(new Uri(expected), metadata.Endpoint);
        }

        [Theory]
        [InlineData("http://metadata.example.com", "uses plain http for a host that is neither link-local")]
        [InlineData("ftp://169.254.169.254", "is not an http(s) URL")]
        [InlineData("http://169.254.169.254/?x=1", "is not an http(s) URL")]
        public void RefusesAnEndpointThatCannotBeTheMetadataService(string value, string problem)
        {
            using var home = new TempHome();

            var error = Fails(() => home.Chain((CredentialVariables.MetadataEndpoint, value)).Resolve(), CredentialsProblem.InvalidValue);

            Assert.Contains("MRSJOBS_METADATA_ENDPOINT " + problem, error.Message, StringComparison.Ordinal);
        }
    }
}
