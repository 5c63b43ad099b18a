using System;
using MrsJobs.Core.Credentials;
using Xunit;
using static MrsJobs.Tests.Credentials.CredentialFixtures;

namespace MrsJobs.Tests.Credentials;

/// <summary><see cref="EnvironmentCredentialSource"/>: the SDKs' HUAWEICLOUD_SDK_* variables, read through an accessor.</summary>
public class EnvironmentCredentialSourceTests
{
    private static SourceLookup Read(params (string, string?)[] variables) =>
        new EnvironmentCredentialSource(Environment(variables)).Read();

    public class TheReadMethod
    {
        [Fact]
        public void ReadsEveryVariableTheSdksRead()
        {
            var credentials = Read(
                (CredentialVariables.AccessKey, EnvAk),
                (CredentialVariables.SecretKey, EnvSk),
                (CredentialVariables.SecurityToken, Token),
                (CredentialVariables.ProjectId, "0123456789abcdef"),
                (CredentialVariables.DomainId, "fedcba9876543210"),
                (CredentialVariables.IamEndpoint, "https://iam.cn-north-4.myhuaweicloud.com/v3")).Credentials.Keys();

            Assert.Equal(EnvAk, Plain(credentials.AccessKey));
            Assert.Equal(EnvSk, Plain(credentials.SecretKey));
            Assert.Equal(Token, Plain(credentials.SecurityToken));
            Assert.True(credentials.IsTemporary);
            Assert.Equal("0123456789abcdef", credentials.ProjectId);
            Assert.Equal("fedcba9876543210", credentials.DomainId);
            Assert.Equal(new Uri("https://iam.cn-north-4.myhuaweicloud.com/"), credentials.IamEndpoint);
            Assert.Equal(CredentialSourceKind.Environment, credentials.SourceKind);
        }

        [Fact]
        public void TreatsBlankVariablesAsNotSet()
        {
            var lookup = Read((CredentialVariables.AccessKey, "  "), (CredentialVariables.SecretKey, string.Empty));

            Assert.Null(lookup.Credentials);
            Assert.Equal("environment variables HUAWEICLOUD_SDK_AK/SK and HUAWEICLOUD_SDK_IDP_ID/HUAWEICLOUD_SDK_ID_TOKEN_FILE (not set)", lookup.Description);
        }

        [Fact]
        public void TrimsSurroundingWhitespaceAndLeavesOutABlankToken()
        {
            var credentials = Read((CredentialVariables.AccessKey, " " + EnvAk + "\n"), (CredentialVariables.SecretKey, EnvSk), (CredentialVariables.SecurityToken, " ")).Credentials.Keys();

            Assert.Equal(EnvAk, Plain(credentials.AccessKey));
            Assert.False(credentials.IsTemporary);
            Assert.Null(credentials.SecurityToken);
        }

        [Theory]
        [InlineData(EnvAk, null, null, "Environment variables: HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not.")]
        [InlineData(null, EnvSk, null, "Environment variables: HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is not.")]
        [InlineData(null, null, Token, "Environment variables: HUAWEICLOUD_SDK_SECURITY_TOKEN is set but HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not;")]
        public void NamesTheMissingVariableOfAHalfSetPair(string? accessKey, string? secretKey, string? token, string message)
        {
            var error = Fails(
                () => Read((CredentialVariables.AccessKey, accessKey), (CredentialVariables.SecretKey, secretKey), (CredentialVariables.SecurityToken, token)),
                CredentialsProblem.Incomplete);

            Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(CredentialVariables.AccessKey)]
        [InlineData(CredentialVariables.SecretKey)]
        [InlineData(CredentialVariables.ProjectId)]
        public void RefusesWhitespaceInsideAValueWithoutShowingIt(string variable)
        {
            var environment = Environment((CredentialVariables.AccessKey, EnvAk), (CredentialVariables.SecretKey, EnvSk), (variable, EnvSk + " # mine"));

            var error = Fails(() => new EnvironmentCredentialSource(environment).Read(), CredentialsProblem.InvalidValue);

            Assert.StartsWith($"Environment variables: {variable} contains whitespace", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void RefusesAPlainHttpIamEndpointNamingTheVariable()
        {
            var error = Fails(
                () => Read((CredentialVariables.AccessKey, EnvAk), (CredentialVariables.SecretKey, EnvSk), (CredentialVariables.IamEndpoint, "http://iam.example.com")),
                CredentialsProblem.InvalidValue);

            Assert.StartsWith("Environment variables: HUAWEICLOUD_SDK_IAM_ENDPOINT: 'http://iam.example.com' uses plain http", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
        }
    }
}
