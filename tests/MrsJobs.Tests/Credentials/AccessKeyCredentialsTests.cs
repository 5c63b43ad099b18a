using System;
using System.Linq;
using System.Reflection;
using MrsJobs.Core.Credentials;
using Xunit;
using static MrsJobs.Tests.Credentials.CredentialFixtures;

namespace MrsJobs.Tests.Credentials;

/// <summary><see cref="AccessKeyCredentials"/>: what a person or a log may see of the keys, which is never the keys.</summary>
public class AccessKeyCredentialsTests
{
    private static AccessKeyCredentials Make(string accessKey = FileAk) => new(
        Secure(accessKey), Secure(FileSk), Secure(Token), "0123", "4567", new Uri("https://iam.example.com/"), CredentialSourceKind.ProfileFile, "profile file /home/x/.huaweicloud/credentials [basic]");

    public class TheToStringMethod
    {
        [Fact]
        public void SaysWhereTheKeysCameFromWithoutShowingThem()
        {
            var text = Make().ToString();

            Assert.Equal("temporary access key ****0002 from profile file /home/x/.huaweicloud/credentials [basic], project 0123, domain 4567, IAM https://iam.example.com/", text);
            AssertShowsNoSecret(text);
        }
    }

    public class TheConstructor
    {
        [Fact]
        public void RefusesAnEmptySecretKey()
        {
            var error = Assert.Throws<ArgumentException>(() => new AccessKeyCredentials(
                Secure(FileAk), Secure(string.Empty), null, null, null, null, CredentialSourceKind.Explicit, "test"));

            Assert.Equal("secretKey", error.ParamName);
        }
    }

    public class ThePublicProperties
    {
        [Fact]
        public void NeverShowASecret()
        {
            var credentials = Make();

            foreach (var property in typeof(AccessKeyCredentials).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                AssertShowsNoSecret(property.GetValue(credentials)?.ToString());
            }
        }

        [Fact]
        public void HoldTheKeysAsSecureStrings()
        {
            var secureProperties = typeof(AccessKeyCredentials).GetProperties()
                .Where(p => p.PropertyType == typeof(System.Security.SecureString))
                .Select(p => p.Name);

            Assert.Equal(new[] { "AccessKey", "SecretKey", "SecurityToken" }, secureProperties);
        }

        [Theory]
        [InlineData("SHORTAK", "****")]
        [InlineData("ABCDEFGHIJKLMNOPQRST", "****QRST")]
        public void HintAtTheAccessKeyOnlyByItsLastCharacters(string accessKey, string hint)
        {
            Assert.Equal(hint, Make(accessKey).AccessKeyHint);
        }
    }
}
