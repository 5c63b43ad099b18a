using System;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Errors;
using Xunit;
using static MrsJobs.Tests.Credentials.CredentialFixtures;

namespace MrsJobs.Tests.Credentials;

/// <summary><see cref="CredentialChain"/>: parameters, then environment, then the credentials file; one source for the keys.</summary>
public class CredentialChainTests
{
    private const string FileWithKeys = "[basic]\nak = " + FileAk + "\nsk = " + FileSk + "\nproject_id = file-project\niam_endpoint = https://iam.file.example.com\n";

    private static readonly (string, string?)[] EnvWithKeys =
    {
        (CredentialVariables.AccessKey, EnvAk),
        (CredentialVariables.SecretKey, EnvSk),
        (CredentialVariables.ProjectId, "env-project"),
    };

    // The chain's last step is the metadata service; when it does not answer, the chain found nothing.
    private static CredentialsException NothingFound(CredentialChain chain)
    {
        var metadata = Assert.IsType<MetadataCredentials>(chain.Resolve());
        Assert.True(metadata.IsImplicit);
        return Fails(() => throw metadata.NotFound("no answer within 3 s")!, CredentialsProblem.NotFound);
    }

    private static CredentialParameters GivenKeys() => new() { AccessKey = Secure(GivenAk), SecretKey = Secure(GivenSk) };

    public class TheResolveMethod
    {
        [Fact]
        public void PrefersParametersToEnvironmentAndFile()
        {
            using var home = new TempHome();
            home.Write(FileWithKeys);

            var credentials = home.Chain(EnvWithKeys).Resolve(GivenKeys()).Keys();

            Assert.Equal(CredentialSourceKind.Explicit, credentials.SourceKind);
            Assert.Equal("parameters -AccessKey/-SecretKey", credentials.Source);
            Assert.Equal(GivenAk, Plain(credentials.AccessKey));
            Assert.Equal(GivenSk, Plain(credentials.SecretKey));
        }

        [Fact]
        public void PrefersEnvironmentToFile()
        {
            using var home = new TempHome();
            home.Write(FileWithKeys);

            var credentials = home.Chain(EnvWithKeys).Resolve().Keys();

            Assert.Equal(CredentialSourceKind.Environment, credentials.SourceKind);
            Assert.Equal("environment variables HUAWEICLOUD_SDK_AK/SK", credentials.Source);
            Assert.Equal(EnvAk, Plain(credentials.AccessKey));
            Assert.Equal("env-project", credentials.ProjectId);
        }

        [Fact]
        public void FallsBackToTheFileWhenNothingElseHasKeys()
        {
            using var home = new TempHome();
            home.Write(FileWithKeys);

            var credentials = home.Chain((CredentialVariables.ProjectId, "env-project")).Resolve(new CredentialParameters()).Keys();

            Assert.Equal(CredentialSourceKind.ProfileFile, credentials.SourceKind);
            Assert.Equal($"profile file {home.DefaultFile} [basic]", credentials.Source);
            Assert.Equal(FileAk, Plain(credentials.AccessKey));
            Assert.Equal("file-project", credentials.ProjectId);
            Assert.Equal(new Uri("https://iam.file.example.com/"), credentials.IamEndpoint);
        }

        [Fact]
        public void TakesNoProjectIdFromALowerSourceThanTheKeys()
        {
            // As in the SDKs: a credential is built from one provider, so env's project cannot join given keys.
            using var home = new TempHome();

            var credentials = home.Chain(EnvWithKeys).Resolve(GivenKeys());

            Assert.Null(credentials.ProjectId);
        }

        [Fact]
        public void LetsGivenSettingsReplaceTheSourcesSettings()
        {
            using var home = new TempHome();
            home.Write(FileWithKeys);
            var given = new CredentialParameters { ProjectId = "given-project", DomainId = "given-domain", IamEndpoint = new Uri("https://iam.given.example.com/") };

            var credentials = home.Chain().Resolve(given);

            Assert.Equal(CredentialSourceKind.ProfileFile, credentials.SourceKind);
            Assert.Equal("given-project", credentials.ProjectId);
            Assert.Equal("given-domain", credentials.DomainId);
            Assert.Equal(new Uri("https://iam.given.example.com/"), credentials.IamEndpoint);
        }

        // HUAWEICLOUD_SDK_IAM_ENDPOINT is one of the endpoint chain's sources (Regions.EndpointChain), in its own place.
        [Fact]
        public void LeavesAnIamEndpointNoSourceGaveToTheEndpointChain()
        {
            using var home = new TempHome();

            var credentials = home.Chain((CredentialVariables.IamEndpoint, "https://iam.env.example.com")).Resolve(GivenKeys());

            Assert.Null(credentials.IamEndpoint);
        }

        [Fact]
        public void KeepsTheFilesOwnIamEndpointOverTheEnvironmentsDefault()
        {
            using var home = new TempHome();
            home.Write(FileWithKeys);

            var credentials = home.Chain((CredentialVariables.IamEndpoint, "https://iam.env.example.com")).Resolve();

            Assert.Equal(new Uri("https://iam.file.example.com/"), credentials.IamEndpoint);
        }

        [Theory]
        [InlineData(true, false, false, "Parameters: -AccessKey is set but -SecretKey is not.")]
        [InlineData(false, true, false, "Parameters: -SecretKey is set but -AccessKey is not.")]
        [InlineData(false, false, true, "Parameters: -SecurityToken is set but -AccessKey and -SecretKey are not;")]
        public void RefusesHalfAPairOfGivenKeysInsteadOfLookingFurther(bool accessKey, bool secretKey, bool token, string message)
        {
            using var home = new TempHome();
            var given = new CredentialParameters
            {
                AccessKey = accessKey ? Secure(GivenAk) : null,
                SecretKey = secretKey ? Secure(GivenSk) : null,
                SecurityToken = token ? Secure(Token) : null,
            };

            var error = Fails(() => home.Chain(EnvWithKeys).Resolve(given), CredentialsProblem.Incomplete);

            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void StopsAtHalfAPairInTheEnvironmentInsteadOfUsingTheFile()
        {
            // The SDKs would pass over to the file, which may hold another account's keys.
            using var home = new TempHome();
            home.Write(FileWithKeys);

            var error = Fails(() => home.Chain((CredentialVariables.AccessKey, EnvAk)).Resolve(), CredentialsProblem.Incomplete);

            Assert.Equal(
                "Environment variables: HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not. Set both HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or neither to use the credentials file.",
                error.Message);
        }

        [Fact]
        public void ListsEveryPlaceItLookedInWhenNothingHasKeys()
        {
            using var home = new TempHome();

            var error = NothingFound(home.Chain());

            Assert.Equal(MrsErrorKind.NotFound, error.Kind);
            Assert.Equal(
                "No Huawei Cloud access key was found. Looked in: parameters -AccessKey/-SecretKey and -IdpId/-IdTokenFile (not given); "
                + "environment variables HUAWEICLOUD_SDK_AK/SK and HUAWEICLOUD_SDK_IDP_ID/HUAWEICLOUD_SDK_ID_TOKEN_FILE (not set); "
                + $"profile file {home.DefaultFile} (not found); "
                + "instance metadata service http://169.254.169.254 (no answer within 3 s).",
                error.Summary);
            Assert.Contains("HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", error.Advice, StringComparison.Ordinal);
        }

        [Fact]
        public void SaysWhenTheFileHasNoBasicSection()
        {
            using var home = new TempHome();
            home.Write("[global]\nak = " + FileAk + "\nsk = " + FileSk + "\n[Basic]\n");

            var error = NothingFound(home.Chain());

            Assert.Contains($"profile file {home.DefaultFile} (no [basic] section, only [global], [Basic]; section names are case-sensitive)", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void SaysWhenTheBasicSectionHasNoKeys()
        {
            using var home = new TempHome();
            home.Write("[basic]\nproject_id = p\nak =\n");

            var error = NothingFound(home.Chain());

            Assert.Contains($"profile file {home.DefaultFile} [basic] (no ak or sk, and no idp_id or id_token_file)", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void SaysWhenThereIsNoHomeToLookIn()
        {
            var chain = new CredentialChain(Environment(), () => null);

            var error = NothingFound(chain);

            Assert.Contains("profile file (no home directory to look in, and HUAWEICLOUD_SDK_CREDENTIALS_FILE is not set)", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void DoesNotReadTheFileWhenAnEarlierSourceHasKeys()
        {
            using var home = new TempHome();
            home.Write("this line would be an error\n");

            var credentials = home.Chain(EnvWithKeys).Resolve();

            Assert.Equal(CredentialSourceKind.Environment, credentials.SourceKind);
        }
    }
}
