using System.Text.Json;
using MrsJobs.Core.Security;
using Xunit;

namespace MrsJobs.Tests.Security;

/// <summary><see cref="Redactor"/>: what traces and messages may show.</summary>
public class RedactorTests
{
    private const string Secret = "Sup3rS3cret-Value";

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public class TheHeaderValueMethod
    {
        [Theory]
        [InlineData("X-Auth-Token")]
        [InlineData("x-subject-token")]
        [InlineData("Authorization")]
        [InlineData("X-Security-Token")]
        [InlineData("X-Metadata-Token")]
        [InlineData(" AUTHORIZATION ")]
        public void HidesCredentialHeaders(string name)
        {
            Assert.Equal(Redactor.Mark, Redactor.HeaderValue(name, Secret));
        }

        [Theory]
        [InlineData("Content-Type", "application/json; charset=utf-8")]
        [InlineData("X-Request-Id", "0123456789abcdef0123456789abcdef")]
        [InlineData("X-Sdk-Date", "20240101T000000Z")]
        public void ShowsOtherHeaders(string name, string value)
        {
            Assert.Equal(value, Redactor.HeaderValue(name, value));
        }
    }

    public class TheJsonMethod
    {
        [Fact]
        public void HidesTheIamPasswordButKeepsTheUserAndAccount()
        {
            var body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo-user\",\"password\":\"" + Secret + "\",\"domain\":{\"name\":\"demo-account\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}";

            var shown = Redactor.Json(body);
            var user = Parse(shown).GetProperty("auth").GetProperty("identity").GetProperty("password").GetProperty("user");

            Assert.DoesNotContain(Secret, shown);
            Assert.Equal(Redactor.Mark, user.GetProperty("password").GetString());
            Assert.Equal("demo-user", user.GetProperty("name").GetString());
            Assert.Equal("demo-account", user.GetProperty("domain").GetProperty("name").GetString());
            Assert.Contains("\"methods\":[\"password\"]", shown);
            Assert.Contains("cn-north-4", shown);
        }

        [Fact]
        public void HidesTheIdTokenOfAnIdTokenExchangeButKeepsTheScope()
        {
            var body = "{\"auth\":{\"id_token\":{\"id\":\"" + Secret + "\"},\"scope\":{\"project\":{\"id\":\"0b4a5b9c\"}}}}";

            var shown = Redactor.Json(body);

            Assert.DoesNotContain(Secret, shown);
            Assert.Contains("\"id_token\":{\"id\":\"[redacted]\"}", shown);
            Assert.Contains("\"project\":{\"id\":\"0b4a5b9c\"}", shown);
        }

        [Fact]
        public void HidesObsKeysInJobPropertiesButKeepsTheEndpoint()
        {
            var body = "{\"job_type\":\"MapReduce\",\"job_name\":\"wc\",\"properties\":{\"fs.obs.access.key\":\"AK-" + Secret + "\",\"fs.obs.secret.key\":\"SK-" + Secret + "\",\"fs.obs.endpoint\":\"obs.cn-north-4.example\"}}";

            var properties = Parse(Redactor.Json(body)).GetProperty("properties");

            Assert.Equal(Redactor.Mark, properties.GetProperty("fs.obs.access.key").GetString());
            Assert.Equal(Redactor.Mark, properties.GetProperty("fs.obs.secret.key").GetString());
            Assert.Equal("obs.cn-north-4.example", properties.GetProperty("fs.obs.endpoint").GetString());
        }

        [Theory]
        [InlineData("javax.jdo.option.ConnectionPassword")]
        [InlineData("db_password_file")]
        [InlineData("hive.server2.token")]
        [InlineData("X-Auth-Token")]
        [InlineData("spark.hadoop.fs.obs.secret.key")]
        [InlineData("security_token")]
        [InlineData("HUAWEICLOUD_SDK_SK")]
        [InlineData("secret_access_key")]
        [InlineData("fs.obs.security.token")]
        public void HidesValuesWhoseKeysLookSecret(string key)
        {
            var shown = Redactor.Json("{\"" + key + "\":\"" + Secret + "\"}");

            Assert.Equal(Redactor.Mark, Parse(shown).GetProperty(key).GetString());
        }

        [Fact]
        public void SearchesNestedObjects()
        {
            var shown = Redactor.Json("{\"a\":{\"b\":{\"c\":{\"password\":\"" + Secret + "\",\"name\":\"kept\"}}}}");

            Assert.DoesNotContain(Secret, shown);
            Assert.Contains("kept", shown);
        }

        [Fact]
        public void SearchesObjectsInsideArrays()
        {
            var shown = Redactor.Json("{\"users\":[{\"name\":\"one\",\"token\":\"" + Secret + "\"},{\"name\":\"two\"}]}");

            Assert.DoesNotContain(Secret, shown);
            Assert.Contains("one", shown);
            Assert.Contains("two", shown);
        }

        [Fact]
        public void HidesEveryItemOfAnArrayUnderASecretKey()
        {
            var shown = Parse(Redactor.Json("{\"secrets\":[\"" + Secret + "\",42,true]}"));

            Assert.All(shown.GetProperty("secrets").EnumerateArray(), item => Assert.Equal(Redactor.Mark, item.GetString()));
        }

        [Fact]
        public void HidesNumbersUnderASecretKeyToo()
        {
            var shown = Redactor.Json("{\"password\":123456}");

            Assert.Equal(Redactor.Mark, Parse(shown).GetProperty("password").GetString());
        }

        [Fact]
        public void KeepsArgumentsAndOtherValuesAsTheyAre()
        {
            var body = "{\"job_type\":\"HiveScript\",\"job_name\":\"hive_1\",\"arguments\":[\"obs://bucket/script.sql\"]}";

            Assert.Equal(body, Redactor.Json(body));
        }

        [Fact]
        public void KeepsNonAsciiTextReadable()
        {
            Assert.Contains("不能提交Hive相关作业", Redactor.Json("{\"error_msg\":\"不能提交Hive相关作业\"}"));
        }

        [Fact]
        public void ShowsOnlyTheLengthOfTextThatIsNotJson()
        {
            var text = "<html>password=" + Secret + "</html>";

            var shown = Redactor.Json(text);

            Assert.DoesNotContain(Secret, shown);
            Assert.Contains(text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), shown);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void ShowsNothingForAnEmptyBody(string? body)
        {
            Assert.Equal(string.Empty, Redactor.Json(body));
        }
    }

    public class ThePropertyValueMethod
    {
        [Fact]
        public void ReplacesASecretValueWithTheMark()
        {
            Assert.Equal("[redacted]", Redactor.PropertyValue("fs.obs.secret.key", Secret));
        }

        [Fact]
        public void ShowsAnOrdinaryValue()
        {
            Assert.Equal("yarn", Redactor.PropertyValue("spark.master", "yarn"));
        }

        [Theory]
        [InlineData("ak")]
        [InlineData("SK")]
        [InlineData("access_key")]
        public void TreatsTheShortKeyNamesAsSecret(string key)
        {
            Assert.True(Redactor.IsSecretKey(key));
        }
    }
}
