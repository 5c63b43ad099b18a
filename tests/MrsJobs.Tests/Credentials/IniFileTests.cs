using System;
using System.IO;
using MrsJobs.Core.Credentials;
using Xunit;
using static MrsJobs.Tests.Credentials.CredentialFixtures;

namespace MrsJobs.Tests.Credentials;

/// <summary><see cref="IniFile"/>: INI as the SDKs' credentials file is written, with errors that name the line but never its text.</summary>
public class IniFileTests
{
    private const string Path = "/home/demo/.huaweicloud/credentials";

    private static IniFile Parse(string text) => IniFile.Parse(new StringReader(text), Path);

    private static CredentialsException Malformed(string text) => Fails(() => Parse(text), CredentialsProblem.MalformedFile, Path);

    public class TheParseMethod
    {
        [Fact]
        public void SkipsCommentsAndBlankLinesAndTrimsAroundTheDelimiter()
        {
            var file = Parse("# made by hand\n\n; another comment\n  [ basic ]  \n\tak   =   " + FileAk + "  \n  # sk = old\nsk=" + FileSk + "\nproject_id: p-1\n");

            var section = file.Section("basic")!;
            Assert.Equal(FileAk, section["ak"]!.Value);
            Assert.Equal(5, section["ak"]!.Line);
            Assert.Equal(FileSk, section["sk"]!.Value);
            Assert.Equal(7, section["sk"]!.Line);
            Assert.Equal("p-1", section["project_id"]!.Value);
        }

        [Theory]
        [InlineData("\r\n")]
        [InlineData("\n")]
        [InlineData("\r")]
        public void ReadsAnyLineEnding(string newline)
        {
            var file = Parse(string.Join(newline, "[basic]", "ak = " + FileAk, "sk = " + FileSk, string.Empty));

            Assert.Equal(FileSk, file.Section("basic")!["sk"]!.Value);
            Assert.Equal(3, file.Section("basic")!["sk"]!.Line);
        }

        [Fact]
        public void SkipsALeadingByteOrderMark()
        {
            var file = Parse("\uFEFF[basic]\nak = x\n");

            Assert.NotNull(file.Section("basic"));
        }

        [Fact]
        public void MatchesKeysIgnoringCaseButSectionsExactly()
        {
            var file = Parse("[basic]\nAK = x\n");

            Assert.Equal("x", file.Section("basic")!["ak"]!.Value);
            Assert.Null(file.Section("Basic"));
        }

        [Fact]
        public void KeepsEverythingAfterTheFirstDelimiterAndDropsOnePairOfQuotes()
        {
            var file = Parse("[basic]\niam_endpoint = https://iam.example.com:443/\nsecurity_token = \"abc==\"\nproject_id = 'p'\nak = \"x\n");

            var section = file.Section("basic")!;
            Assert.Equal("https://iam.example.com:443/", section["iam_endpoint"]!.Value);
            Assert.Equal("abc==", section["security_token"]!.Value);
            Assert.Equal("p", section["project_id"]!.Value);
            Assert.Equal("\"x", section["ak"]!.Value);
        }

        [Fact]
        public void ContinuesASectionWhoseHeaderComesAgain()
        {
            var file = Parse("[basic]\nak = x\n[global]\nak = y\n[basic]\nsk = z\n");

            Assert.Equal("z", file.Section("basic")!["sk"]!.Value);
            Assert.Equal(new[] { "basic", "global" }, file.SectionNames);
        }

        [Fact]
        public void RefusesAKeyGivenTwiceNamingBothLines()
        {
            var error = Malformed("[basic]\nak = " + FileAk + "\nsk = " + FileSk + "\n\nAK = " + GivenAk + "\n");

            Assert.Equal(5, error.LineNumber);
            Assert.Equal($"Credentials file '{Path}', line 5: 'ak' is given again in [basic] (first at line 2); keep one.", error.Message);
        }

        [Fact]
        public void RefusesALineThatIsNoneOfTheKnownKindsWithoutQuotingIt()
        {
            var error = Malformed("[basic]\nak = x\n" + FileSk + "\n");

            Assert.Equal(3, error.LineNumber);
            Assert.Equal($"Credentials file '{Path}', line 3: the line is not 'key = value', a [section] header or a comment ('#' or ';' first).", error.Message);
        }

        [Fact]
        public void NeverQuotesAnUnknownKeyWhichMayBeAPastedToken()
        {
            var error = Malformed("[basic]\n" + Token + "\n" + Token + "\n");

            Assert.Equal($"Credentials file '{Path}', line 3: a key is given again in [basic] (first at line 2); keep one.", error.Message);
        }

        [Theory]
        [InlineData("[basic\nak = x\n", 1, "a section header must end with ']' (and cannot carry a comment).")]
        [InlineData("[basic] # mine\n", 1, "a section header must end with ']' (and cannot carry a comment).")]
        [InlineData("[ ]\n", 1, "the section name between '[' and ']' is empty.")]
        [InlineData("[basic]\n= x\n", 2, "there is no key before '='.")]
        [InlineData("# top\nak = x\n[basic]\n", 2, "'ak' comes before any section; put it under [basic].")]
        public void NamesTheLineAndTheProblem(string text, int line, string problem)
        {
            var error = Malformed(text);

            Assert.Equal(line, error.LineNumber);
            Assert.Equal($"Credentials file '{Path}', line {line}: {problem}", error.Message);
        }
    }
}
