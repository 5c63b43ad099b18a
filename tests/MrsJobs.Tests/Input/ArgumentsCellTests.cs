using System;
using MrsJobs.Core.Input;
using Xunit;

namespace MrsJobs.Tests.Input;

/// <summary><see cref="ArgumentsCell"/>: an <c>arguments</c> CSV cell as a JSON array or as whitespace-separated words.</summary>
public class ArgumentsCellTests
{
    public class TheDetectMethod
    {
        [Theory]
        [InlineData(null, nameof(CellNotation.Empty))]
        [InlineData("", nameof(CellNotation.Empty))]
        [InlineData(" \t ", nameof(CellNotation.Empty))]
        [InlineData("  [\"a\"]", nameof(CellNotation.Json))]
        [InlineData("wordcount in out", nameof(CellNotation.Plain))]
        public void TellsTheNotationByTheFirstNonBlankCharacter(string? cell, string notation)
        {
            Assert.Equal(Enum.Parse<CellNotation>(notation), ArgumentsCell.Detect(cell));
        }
    }

    public class TheParseMethod
    {
        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\r\n")]
        public void GivesNoArgumentsForAnEmptyOrBlankCell(string? cell)
        {
            Assert.Empty(ArgumentsCell.Parse(cell));
        }

        [Fact]
        public void ReadsAJsonArrayOfStringsKeepingSpacesInsideItems()
        {
            var items = ArgumentsCell.Parse("[\"obs://b/job.jar\", \"select * from t\", \"\"]");

            Assert.Equal(new[] { "obs://b/job.jar", "select * from t", "" }, items);
        }

        [Fact]
        public void TakesJsonNumbersAndBooleansAsTheirText()
        {
            Assert.Equal(new[] { "100", "1.5", "true", "false" }, ArgumentsCell.Parse("[100, 1.5, true, false]"));
        }

        [Fact]
        public void ReadsAnEmptyJsonArrayAsNoArguments()
        {
            Assert.Empty(ArgumentsCell.Parse(" [ ] "));
        }

        [Theory]
        [InlineData("[\"a\", null]", "item 2 is null")]
        [InlineData("[\"a\", {\"k\":\"v\"}]", "item 2 is an object")]
        [InlineData("[[\"a\"]]", "item 1 is an array")]
        public void RefusesJsonItemsThatAreNotScalarsCountingItemsFromOne(string cell, string described)
        {
            var failure = Assert.Throws<CellParseException>(() => ArgumentsCell.Parse(cell));

            Assert.Equal("arguments", failure.Field);
            Assert.Contains(described, failure.Message);
        }

        [Fact]
        public void RefusesInvalidJsonWithoutRepeatingTheCell()
        {
            const string cell = "[\"--password\", \"Sup3rS3cret\"";

            var failure = Assert.Throws<CellParseException>(() => ArgumentsCell.Parse(cell));

            Assert.Equal("arguments", failure.Field);
            Assert.Contains("not valid JSON", failure.Message);
            Assert.DoesNotContain("Sup3rS3cret", failure.Message);
        }

        [Fact]
        public void SplitsPlainTextOnSpacesTabsAndLineBreaks()
        {
            var items = ArgumentsCell.Parse("  obs://b/job.jar \t wordcount\n obs://b/in   obs://b/out ");

            Assert.Equal(new[] { "obs://b/job.jar", "wordcount", "obs://b/in", "obs://b/out" }, items);
        }

        [Fact]
        public void KeepsAPlainWordThatStartsWithABracketLaterInTheCell()
        {
            Assert.Equal(new[] { "run", "[x]" }, ArgumentsCell.Parse("run [x]"));
        }

        [Fact]
        public void KeepsNonAsciiText()
        {
            Assert.Equal(new[] { "obs://桶/输入/" }, ArgumentsCell.Parse("[\"obs://桶/输入/\"]"));
        }
    }
}
