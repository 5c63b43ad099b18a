using System.Linq;
using MrsJobs.Core.Validation;
using Xunit;

namespace MrsJobs.Tests.Validation;

/// <summary><see cref="JobDefinitionValidator"/>: the documented way past the rules, and messages that keep secrets.</summary>
public partial class JobDefinitionValidatorTests
{
    public class TheSkipFlags
    {
        [Fact]
        public void LetAnUndocumentedTypeThroughAsTyped()
        {
            var result = JobDefinitionValidator.Validate(ValidInput(jobType: " SparkStreaming "), JobRule.JobType);

            Assert.Equal("SparkStreaming", result.Definition!.JobType);
        }

        [Fact]
        public void LetANameWithADotThrough()
        {
            Assert.True(JobDefinitionValidator.Validate(ValidInput(jobName: "word.count"), JobRule.JobName).IsValid);
        }

        [Fact]
        public void LetTheSeedsHiveSqlExampleThrough()
        {
            var statement = "DROP TABLE IF EXISTS src_wordcount;create external table src_wordcount(line string) row format delimited fields terminated by \"\\n\"";

            var result = JobDefinitionValidator.Validate(ValidInput(jobType: "HiveSql", arguments: new[] { statement }), JobRule.ArgumentCharacters);

            Assert.Equal(statement, Assert.Single(result.Definition!.Arguments));
        }

        [Fact]
        public void LetLongArgumentsThrough()
        {
            var result = JobDefinitionValidator.Validate(ValidInput(arguments: new[] { new string('a', 150000) }), JobRule.ArgumentLength);

            Assert.True(result.IsValid);
        }

        [Fact]
        public void LetForbiddenPropertyCharactersThrough()
        {
            var input = ValidInput(properties: new[] { Pair("k|ey", "v&alue") });

            Assert.True(JobDefinitionValidator.Validate(input, JobRule.PropertyCharacters).IsValid);
        }

        [Fact]
        public void LetLongPropertiesThrough()
        {
            var input = ValidInput(properties: new[] { Pair("k", new string('v', 5000)) });

            Assert.True(JobDefinitionValidator.Validate(input, JobRule.PropertyLength).IsValid);
        }

        [Fact]
        public void SkipOnlyTheRuleNamed()
        {
            var input = ValidInput(jobName: "bad name", arguments: new[] { "a;b" });

            var failure = SingleFailure(JobDefinitionValidator.Validate(input, JobRule.JobName));

            Assert.Equal(JobRule.ArgumentCharacters, failure.Rule);
        }

        [Fact]
        public void StillRequireTheClusterTypeAndName()
        {
            var result = JobDefinitionValidator.Validate(new JobInput(), JobRule.All);

            Assert.Equal(
                new[] { "ClusterId", "JobTypeRequired", "JobNameRequired" },
                result.Failures.Select(f => f.RuleName));
        }

        [Fact]
        public void StillRefuseAClusterIdWithASlash()
        {
            Assert.Equal("ClusterId", SingleFailure(JobDefinitionValidator.Validate(ValidInput(clusterId: "a/b"), JobRule.All)).RuleName);
        }

        [Fact]
        public void StillRefuseNullItemsDuplicateKeysAndEmptyKeys()
        {
            var input = ValidInput(arguments: new[] { (string?)null }, properties: new[] { Pair("a", "1"), Pair("a", "2"), Pair("", "3") });

            var rules = JobDefinitionValidator.Validate(input, JobRule.All).Failures.Select(f => f.RuleName);

            Assert.Equal(new[] { "ArgumentNull", "PropertyKeyDuplicate", "PropertyKeyRequired" }, rules);
        }

        // BUG: CheckJobName tests IsNullOrEmpty, so a blank name is only a pattern failure, which -SkipCheck JobName lets through.
        [Fact]
        public void StillRequireANameThatIsNotBlank()
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(jobName: "   "), JobRule.JobName));

            Assert.Equal("JobNameRequired", failure.RuleName);
        }
    }

    public class TheMessages
    {
        private const string Secret = "AKIA-Sup3rS3cret-Value";

        [Fact]
        public void NeverRepeatAnArgumentWithAForbiddenCharacter()
        {
            var input = ValidInput(arguments: new[] { "--password=" + Secret + "!" });

            Assert.DoesNotContain(Secret, SingleFailure(JobDefinitionValidator.Validate(input)).Message);
        }

        [Fact]
        public void NeverRepeatArgumentsThatAreTooLong()
        {
            var input = ValidInput(arguments: new[] { Secret + new string('x', 4096) });

            Assert.DoesNotContain(Secret, SingleFailure(JobDefinitionValidator.Validate(input)).Message);
        }

        [Fact]
        public void NeverRepeatAPropertyValueWithAForbiddenCharacter()
        {
            var input = ValidInput(properties: new[] { Pair("fs.obs.secret.key", Secret + "&") });

            var failure = SingleFailure(JobDefinitionValidator.Validate(input));

            Assert.DoesNotContain(Secret, failure.Message);
            Assert.DoesNotContain(Secret, failure.ToString());
            Assert.Contains("fs.obs.secret.key", failure.Message);
        }

        [Fact]
        public void NeverRepeatPropertyValuesThatAreTooLong()
        {
            var input = ValidInput(properties: new[] { Pair("fs.obs.secret.key", Secret + new string('x', 2048)) });

            Assert.DoesNotContain(Secret, SingleFailure(JobDefinitionValidator.Validate(input)).Message);
        }

        [Fact]
        public void NeverRepeatAValueWhenItsKeyIsDuplicatedOrItsKeyIsEmpty()
        {
            var input = ValidInput(properties: new[] { Pair("k", Secret), Pair("k", Secret + "2"), Pair(" ", Secret + "3") });

            var messages = JobDefinitionValidator.Validate(input).Failures.Select(f => f.Message);

            Assert.All(messages, m => Assert.DoesNotContain(Secret, m));
        }
    }
}
