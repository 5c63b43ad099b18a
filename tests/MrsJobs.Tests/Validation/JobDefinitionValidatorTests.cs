using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Models;
using MrsJobs.Core.Validation;
using Xunit;

namespace MrsJobs.Tests.Validation;

/// <summary>
/// <see cref="JobDefinitionValidator"/>: the documented SubmitJobV2 contract, checked before anything is sent.
/// This part covers the cluster id, the job type and the job name; see the other parts for arguments,
/// properties, skip flags and messages.
/// </summary>
public partial class JobDefinitionValidatorTests
{
    private const string Cluster = "6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b";

    /// <summary>A job that passes every rule, to change one field at a time.</summary>
    internal static JobInput ValidInput(
        string? clusterId = Cluster,
        string? jobType = "MapReduce",
        string? jobName = "wordcount",
        IReadOnlyList<string?>? arguments = null,
        IReadOnlyList<KeyValuePair<string, string?>>? properties = null) =>
        new() { ClusterId = clusterId, JobType = jobType, JobName = jobName, Arguments = arguments, Properties = properties };

    internal static KeyValuePair<string, string?> Pair(string key, string? value) => new(key, value);

    /// <summary>The one failure of <paramref name="result"/>.</summary>
    internal static ValidationFailure SingleFailure(ValidationResult result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Definition);
        return Assert.Single(result.Failures);
    }

    public class TheJobType
    {
        public static TheoryData<string> AllNine => new(JobTypes.All);

        [Theory]
        [MemberData(nameof(AllNine))]
        public void AcceptsEachOfTheNineDocumentedTypes(string jobType)
        {
            var result = JobDefinitionValidator.Validate(ValidInput(jobType: jobType));

            Assert.True(result.IsValid);
            Assert.Equal(jobType, result.Definition!.JobType);
        }

        [Fact]
        public void KnowsExactlyTheNineTypesOfTheApiPage()
        {
            Assert.Equal(
                new[] { "MapReduce", "SparkSubmit", "SparkPython", "HiveScript", "HiveSql", "DistCp", "SparkScript", "SparkSql", "Flink" },
                JobTypes.All);
        }

        [Theory]
        [InlineData("hivesql", "HiveSql")]
        [InlineData("MAPREDUCE", "MapReduce")]
        [InlineData("  sparkPython ", "SparkPython")]
        [InlineData("distcp", "DistCp")]
        [InlineData("FLINK", "Flink")]
        public void NormalisesAnyCaseToTheApiSpelling(string typed, string sent)
        {
            var result = JobDefinitionValidator.Validate(ValidInput(jobType: typed));

            Assert.Equal(sent, result.Definition!.JobType);
        }

        [Theory]
        [InlineData("Spark")]
        [InlineData("Hive")]
        [InlineData("PySpark")]
        [InlineData("Map Reduce")]
        public void RefusesATypeThatIsNotDocumented(string jobType)
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(jobType: jobType)));

            Assert.Equal("job_type", failure.Field);
            Assert.Equal("JobType", failure.RuleName);
            Assert.Equal(JobRule.JobType, failure.Rule);
            Assert.Contains("HiveSql", failure.Message);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        public void RequiresAType(string? jobType)
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(jobType: jobType)));

            Assert.Equal("JobTypeRequired", failure.RuleName);
            Assert.Equal(JobRule.None, failure.Rule);
        }
    }

    public class TheClusterId
    {
        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void IsRequired(string? clusterId)
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(clusterId: clusterId)));

            Assert.Equal("cluster_id", failure.Field);
            Assert.Equal("ClusterId", failure.RuleName);
            Assert.Contains("required", failure.Message);
        }

        [Theory]
        [InlineData("abc/def")]
        [InlineData("../other")]
        [InlineData("abc def")]
        [InlineData("abc\tdef")]
        [InlineData("abc?x=1")]
        [InlineData("abc#frag")]
        [InlineData(".")]
        [InlineData("..")]
        [InlineData("/")]
        [InlineData("abc%2Fdef")]
        [InlineData("abc\u0001def")]
        [InlineData("a.b")]
        public void RefusesAnIdThatWouldChangeTheRequestPath(string clusterId)
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(clusterId: clusterId)));

            Assert.Equal("ClusterId", failure.RuleName);
            Assert.Equal(JobRule.None, failure.Rule);
        }

        [Fact]
        public void RefusesAnIdLongerThanSixtyFourCharacters()
        {
            Assert.Equal("ClusterId", SingleFailure(JobDefinitionValidator.Validate(ValidInput(clusterId: new string('a', 65)))).RuleName);
            Assert.True(JobDefinitionValidator.Validate(ValidInput(clusterId: new string('a', 64))).IsValid);
        }

        [Fact]
        public void TrimsBlanksAroundTheId()
        {
            var result = JobDefinitionValidator.Validate(ValidInput(clusterId: "  " + Cluster + " "));

            Assert.Equal(Cluster, result.Definition!.ClusterId);
        }
    }

    public class TheJobName
    {
        [Theory]
        [InlineData("a")]
        [InlineData("Word_Count-2024")]
        [InlineData("___")]
        public void AcceptsLettersDigitsDashesAndUnderscores(string name)
        {
            Assert.True(JobDefinitionValidator.Validate(ValidInput(jobName: name)).IsValid);
        }

        [Fact]
        public void AcceptsSixtyFourCharacters()
        {
            var name = new string('a', 64);

            Assert.Equal(name, JobDefinitionValidator.Validate(ValidInput(jobName: name)).Definition!.JobName);
        }

        [Fact]
        public void RefusesSixtyFiveCharactersAndSaysHowMany()
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(jobName: new string('a', 65))));

            Assert.Equal("job_name", failure.Field);
            Assert.Equal(JobRule.JobName, failure.Rule);
            Assert.Contains("65", failure.Message);
        }

        [Theory]
        [InlineData("word count")]
        [InlineData("word.count")]
        [InlineData("作业")]
        [InlineData("café")]
        [InlineData("job/1")]
        [InlineData(" wordcount")]
        public void RefusesANameWithAnyOtherCharacter(string name)
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(jobName: name)));

            Assert.Equal("JobName", failure.RuleName);
        }

        [Theory]
        [InlineData("wordcount ", "it ends with a space")]
        [InlineData(" wordcount", "it starts with a space")]
        [InlineData("\twordcount", "it starts with a tab")]
        [InlineData(" wordcount ", "it starts and ends with a space")]
        [InlineData("\u00A0wordcount\n", "it starts with a no-break space and ends with a line break")]
        public void SaysWhenTheNameStartsOrEndsWithABlank(string name, string says)
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(jobName: name)));

            Assert.Equal("JobName", failure.RuleName);
            Assert.EndsWith("; " + says + ".", failure.Message);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void IsRequired(string? name)
        {
            var failure = SingleFailure(JobDefinitionValidator.Validate(ValidInput(jobName: name)));

            Assert.Equal("JobNameRequired", failure.RuleName);
            Assert.Equal(JobRule.None, failure.Rule);
        }
    }

    public class TheResult
    {
        [Fact]
        public void ListsEveryBrokenRuleInFieldOrder()
        {
            var result = JobDefinitionValidator.Validate(new JobInput { JobType = "Nope", JobName = "bad name" });

            Assert.Equal(new[] { "cluster_id", "job_type", "job_name" }, result.Failures.Select(f => f.Field));
        }

        [Fact]
        public void CarriesTheCellFailuresFoundWhileReadingTheInput()
        {
            var input = ValidInput();
            input.InputFailures.Add(new ValidationFailure("arguments", "ArgumentsFormat", "not JSON"));

            var failure = SingleFailure(JobDefinitionValidator.Validate(input));

            Assert.Equal("ArgumentsFormat", failure.RuleName);
        }

        [Fact]
        public void BuildsTheDefinitionWithEmptyListsWhenNothingWasGiven()
        {
            var definition = JobDefinitionValidator.Validate(ValidInput()).Definition!;

            Assert.Empty(definition.Arguments);
            Assert.Empty(definition.Properties);
        }
    }
}
