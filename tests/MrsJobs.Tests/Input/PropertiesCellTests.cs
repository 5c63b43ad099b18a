using MrsJobs.Core.Validation;
using System;
using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Input;
using Xunit;

namespace MrsJobs.Tests.Input;

/// <summary><see cref="PropertiesCell"/>: a <c>properties</c> CSV cell as a JSON object or as <c>key=value</c> pairs.</summary>
public class PropertiesCellTests
{
    private static string[] Flat(IReadOnlyList<KeyValuePair<string, string>> pairs) =>
        pairs.Select(p => p.Key + "=" + p.Value).ToArray();

    public class TheDetectMethod
    {
        [Theory]
        [InlineData(null, nameof(CellNotation.Empty))]
        [InlineData("  ", nameof(CellNotation.Empty))]
        [InlineData(" {\"a\":\"1\"}", nameof(CellNotation.Json))]
        [InlineData("a=1", nameof(CellNotation.Plain))]
        public void TellsTheNotationByTheFirstNonBlankCharacter(string? cell, string notation)
        {
            Assert.Equal(Enum.Parse<CellNotation>(notation), PropertiesCell.Detect(cell));
        }
    }

    public class TheParseMethod
    {
        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData(" \t\n ")]
        public void GivesNoPropertiesForAnEmptyOrBlankCell(string? cell)
        {
            Assert.Empty(PropertiesCell.Parse(cell));
        }

        [Fact]
        public void ReadsAJsonObjectInOrder()
        {
            var pairs = PropertiesCell.Parse("{\"fs.obs.endpoint\":\"obs endpoint\",\"a\":\"\"}");

            Assert.Equal(new[] { "fs.obs.endpoint=obs endpoint", "a=" }, Flat(pairs));
        }

        [Fact]
        public void TakesJsonNumbersAndBooleansAsTheirText()
        {
            var pairs = PropertiesCell.Parse("{\"spark.executor.instances\": 4, \"dynamic\": true, \"ratio\": 0.5}");

            Assert.Equal(new[] { "spark.executor.instances=4", "dynamic=true", "ratio=0.5" }, Flat(pairs));
        }

        [Theory]
        [InlineData("{\"a\": null}", "null")]
        [InlineData("{\"a\": {\"b\":\"c\"}}", "an object")]
        [InlineData("{\"a\": [\"b\"]}", "an array")]
        public void RefusesJsonValuesThatAreNotScalars(string cell, string described)
        {
            var failure = Assert.Throws<CellParseException>(() => PropertiesCell.Parse(cell));

            Assert.Equal("properties", failure.Field);
            Assert.Contains("'a'", failure.Message);
            Assert.Contains(described, failure.Message);
        }

        [Fact]
        public void RefusesInvalidJsonWithoutRepeatingTheCell()
        {
            const string cell = "{\"fs.obs.secret.key\": \"Sup3rS3cret\"";

            var failure = Assert.Throws<CellParseException>(() => PropertiesCell.Parse(cell));

            Assert.Contains("not valid JSON", failure.Message);
            Assert.DoesNotContain("Sup3rS3cret", failure.Message);
        }

        [Fact]
        public void ReadsPairsSeparatedBySemicolonsWithSpacesInValues()
        {
            var pairs = PropertiesCell.Parse("key=value;key2=value with spaces");

            Assert.Equal(new[] { "key=value", "key2=value with spaces" }, Flat(pairs));
        }

        [Fact]
        public void ReadsPairsOnSeparateLines()
        {
            var pairs = PropertiesCell.Parse("fs.obs.endpoint=obs.example\r\nfs.obs.access.key=AK\nfs.obs.secret.key=SK\n");

            Assert.Equal(new[] { "fs.obs.endpoint=obs.example", "fs.obs.access.key=AK", "fs.obs.secret.key=SK" }, Flat(pairs));
        }

        [Fact]
        public void TrimsKeysAndValuesAndSkipsEmptyPairs()
        {
            Assert.Equal(new[] { "a=1", "b=2" }, Flat(PropertiesCell.Parse(" a = 1 ;; ; b=2 ;")));
        }

        [Fact]
        public void KeepsEverythingAfterTheFirstEqualsSignInTheValue()
        {
            var pairs = PropertiesCell.Parse("url=jdbc:hive2://h:10000/db?a=1;opts=-Xmx1g -Dlog.level=INFO");

            Assert.Equal(new[] { "url=jdbc:hive2://h:10000/db?a=1", "opts=-Xmx1g -Dlog.level=INFO" }, Flat(pairs));
        }

        [Theory]
        [InlineData("a=1;justakey")]
        [InlineData("novalue")]
        public void RefusesAPairWithoutAnEqualsSign(string cell)
        {
            var failure = Assert.Throws<CellParseException>(() => PropertiesCell.Parse(cell));

            Assert.Contains("key=value", failure.Message);
        }

        [Theory]
        [InlineData("=value")]
        [InlineData("  =value")]
        public void KeepsAPairWithAnEmptyKeyForThePropertyRulesToRefuse(string cell)
        {
            Assert.Equal(new[] { "=value" }, Flat(PropertiesCell.Parse(cell)));
            var result = JobDefinitionValidator.Validate(new JobInput { ClusterId = "c1", JobName = "j", JobType = "MapReduce", Properties = PropertiesCell.Parse(cell).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToList() });
            Assert.Equal("PropertyKeyRequired", Assert.Single(result.Failures).RuleName);
        }

        [Fact]
        public void SaysWhichPairHasNoEqualsSignWithoutRepeatingIt()
        {
            var failure = Assert.Throws<CellParseException>(() => PropertiesCell.Parse("a=1;Sup3rS3cret"));

            Assert.Contains("pair 2", failure.Message);
            Assert.DoesNotContain("Sup3rS3cret", failure.Message);
        }

        [Theory]
        [InlineData("a=1 b=2")]
        [InlineData("fs.obs.access.key=AK fs.obs.secret.key=SK")]
        [InlineData("a=1\tb=2")]
        public void RefusesPairsGluedBySpacesAsAmbiguous(string cell)
        {
            var failure = Assert.Throws<CellParseException>(() => PropertiesCell.Parse(cell));

            Assert.Contains("several pairs", failure.Message);
        }

        [Fact]
        public void DoesNotRepeatTheValueWhenRefusingGluedPairs()
        {
            var failure = Assert.Throws<CellParseException>(() => PropertiesCell.Parse("fs.obs.secret.key=Sup3rS3cret b=2"));

            Assert.DoesNotContain("Sup3rS3cret", failure.Message);
        }
    }
}
