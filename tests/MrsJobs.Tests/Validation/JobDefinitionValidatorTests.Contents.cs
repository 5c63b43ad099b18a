using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Validation;
using Xunit;

namespace MrsJobs.Tests.Validation;

/// <summary><see cref="JobDefinitionValidator"/>: the rules for <c>arguments</c> and <c>properties</c>.</summary>
public partial class JobDefinitionValidatorTests
{
    public class TheArguments
    {
        [Theory]
        [InlineData(";")]
        [InlineData("|")]
        [InlineData("&")]
        [InlineData(">")]
        [InlineData("'")]
        [InlineData("<")]
        [InlineData("$")]
        [InlineData("!")]
        [InlineData("\"")]
        [InlineData("\\")]
        public void RefuseEachForbiddenCharacter(string character)
        {
            var input = ValidInput(arguments: new[] { "obs://bucket/job.jar", "x" + character + "y" });

            var failure = SingleFailure(JobDefinitionValidator.Validate(input));

            Assert.Equal("arguments", failure.Field);
            Assert.Equal(JobRule.ArgumentCharacters, failure.Rule);
            Assert.StartsWith("argument 2 contains", failure.Message);   // the second argument: positions count from 1
            Assert.Contains("'" + character + "'", failure.Message);
        }

        [Theory]
        [InlineData("`")]
        [InlineData("=")]
        [InlineData("--conf spark.yarn.appMasterEnv.PYTHONPATH=/tmp")]
        [InlineData("obs://obs-test/输入/")]
        public void AcceptCharactersThePageDoesNotForbid(string argument)
        {
            Assert.True(JobDefinitionValidator.Validate(ValidInput(arguments: new[] { argument })).IsValid);
        }

        [Fact]
        public void AcceptFourThousandNinetySixCharactersSummedOverAllItems()
        {
            var input = ValidInput(arguments: new[] { new string('a', 2048), new string('b', 2048) });

            var definition = JobDefinitionValidator.Validate(input).Definition!;

            Assert.Equal(2, definition.Arguments.Count);
        }

        [Fact]
        public void RefuseFourThousandNinetySevenCharactersSummedOverAllItems()
        {
            var input = ValidInput(arguments: new[] { new string('a', 2048), new string('b', 2049) });

            var failure = SingleFailure(JobDefinitionValidator.Validate(input));

            Assert.Equal(JobRule.ArgumentLength, failure.Rule);
            Assert.Contains("4097", failure.Message);
            Assert.Contains("4096", failure.Message);
        }

        [Fact]
        public void RefuseANullItem()
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(arguments: new[] { "a", null })));

            Assert.Equal("ArgumentNull", failure.RuleName);
            Assert.Equal(JobRule.None, failure.Rule);
            Assert.StartsWith("argument 2 is null", failure.Message);
        }

        [Fact]
        public void KeepTheirOrderAndEmptyItems()
        {
            var definition = JobDefinitionValidator.Validate(ValidInput(arguments: new[] { "z", "", "a" })).Definition!;

            Assert.Equal(new[] { "z", "", "a" }, definition.Arguments);
        }
    }

    public class TheProperties
    {
        public static TheoryData<string> ForbiddenCharacters => new(new[] { ">", "<", "|", "'", "`", "&", "!", "\"", "\\" });

        [Theory]
        [MemberData(nameof(ForbiddenCharacters))]
        public void RefuseEachForbiddenCharacterInAValue(string character)
        {
            var input = ValidInput(properties: new[] { Pair("fs.obs.endpoint", "obs" + character + "endpoint") });

            var failure = SingleFailure(JobDefinitionValidator.Validate(input));

            Assert.Equal("properties", failure.Field);
            Assert.Equal(JobRule.PropertyCharacters, failure.Rule);
            Assert.Contains("the value of 'fs.obs.endpoint'", failure.Message);
        }

        [Theory]
        [MemberData(nameof(ForbiddenCharacters))]
        public void RefuseEachForbiddenCharacterInAKey(string character)
        {
            var input = ValidInput(properties: new[] { Pair("fs.obs" + character + "endpoint", "obs endpoint") });

            var failure = SingleFailure(JobDefinitionValidator.Validate(input));

            Assert.Equal(JobRule.PropertyCharacters, failure.Rule);
            Assert.Contains("the key", failure.Message);
        }

        [Theory]
        [InlineData(";")]
        [InlineData("$")]
        [InlineData("=")]
        public void AcceptCharactersForbiddenOnlyInArgumentsOrNotAtAll(string character)
        {
            var input = ValidInput(properties: new[] { Pair("spark.conf", "a" + character + "b") });

            Assert.True(JobDefinitionValidator.Validate(input).IsValid);
        }

        [Fact]
        public void AcceptTwoThousandFortyEightCharactersOfKeysAndValues()
        {
            var input = ValidInput(properties: new[] { Pair("k1", new string('v', 1022)), Pair("k2", new string('w', 1022)) });

            Assert.True(JobDefinitionValidator.Validate(input).IsValid);
        }

        [Fact]
        public void RefuseTwoThousandFortyNineCharactersOfKeysAndValues()
        {
            var input = ValidInput(properties: new[] { Pair("k1", new string('v', 1022)), Pair("k2", new string('w', 1023)) });

            var failure = SingleFailure(JobDefinitionValidator.Validate(input));

            Assert.Equal(JobRule.PropertyLength, failure.Rule);
            Assert.Contains("2049", failure.Message);
        }

        [Fact]
        public void RefuseAKeyGivenTwice()
        {
            var input = ValidInput(properties: new[] { Pair("a", "1"), Pair("a", "2") });

            Assert.Equal("PropertyKeyDuplicate", SingleFailure(JobDefinitionValidator.Validate(input)).RuleName);
        }

        [Fact]
        public void TellKeysThatDifferOnlyInCaseApart()
        {
            var input = ValidInput(properties: new[] { Pair("a", "1"), Pair("A", "2") });

            Assert.Equal(2, JobDefinitionValidator.Validate(input).Definition!.Properties.Count);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        public void RefuseAnEmptyOrNullKey(string? key)
        {
            var input = ValidInput(properties: new[] { new KeyValuePair<string, string?>(key!, "value") });

            Assert.Equal("PropertyKeyRequired", SingleFailure(JobDefinitionValidator.Validate(input)).RuleName);
        }

        [Fact]
        public void RefuseANullValue()
        {
            var input = ValidInput(properties: new[] { Pair("a", null) });

            Assert.Equal("PropertyValueNull", SingleFailure(JobDefinitionValidator.Validate(input)).RuleName);
        }

        [Fact]
        public void KeepTheOrderTheyWereGivenIn()
        {
            var input = ValidInput(properties: new[] { Pair("z", "1"), Pair("a", "2"), Pair("m", "") });

            var definition = JobDefinitionValidator.Validate(input).Definition!;

            Assert.Equal(new[] { "z", "a", "m" }, definition.Properties.Select(p => p.Key));
        }
    }

    public class TheHiddenSecrets
    {
        [Fact]
        public void RefuseAnArgumentHoldingTheMarkOfAHiddenSecretNamingItsPosition()
        {
            var input = ValidInput(arguments: new[] { "--conf", "fs.obs.secret.key=[redacted]", "--password", "[redacted]" });

            var result = JobDefinitionValidator.Validate(input, JobRule.All);

            Assert.False(result.IsValid);
            Assert.Equal(new[] { "HiddenSecret", "HiddenSecret" }, result.Failures.Select(f => f.RuleName));
            Assert.Contains("argument 2 holds [redacted]", result.Failures[0].Message);
            Assert.Contains("argument 4 holds [redacted]", result.Failures[1].Message);
            Assert.All(result.Failures, f => Assert.Equal(JobRule.None, f.Rule));
        }

        [Fact]
        public void RefuseAPropertyWhoseValueIsTheMarkNamingItsKey()
        {
            var input = ValidInput(properties: new[] { Pair("spark.executor.memory", "2g"), Pair("fs.obs.secret.key", "[redacted]") });

            var failure = SingleFailure(JobDefinitionValidator.Validate(input, JobRule.All));

            Assert.Equal("properties", failure.Field);
            Assert.Equal("HiddenSecret", failure.RuleName);
            Assert.Contains("'fs.obs.secret.key' is [redacted]", failure.Message);
        }

        [Fact]
        public void LetTheSecretsThemselvesThrough()
        {
            var input = ValidInput(arguments: new[] { "--password", "hunter2" }, properties: new[] { Pair("fs.obs.secret.key", "S3cr3t") });

            Assert.True(JobDefinitionValidator.Validate(input).IsValid);
        }
    }
}
