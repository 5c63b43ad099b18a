using System;
using System.IO;
using MrsJobs.Core.Credentials;
using Xunit;
using static MrsJobs.Tests.Credentials.CredentialFixtures;

namespace MrsJobs.Tests.Credentials;

/// <summary><see cref="ProfileCredentialSource"/>: the [basic] section of the SDKs' credentials file, in temporary files.</summary>
public class ProfileCredentialSourceTests
{
    private static SourceLookup Read(TempHome home, params (string, string?)[] variables) =>
        new ProfileCredentialSource(Environment(variables), () => home.Directory).Read();

    private static CredentialsException FailsOn(string text, CredentialsProblem problem, string newline = "\n")
    {
        using var home = new TempHome();
        var path = home.Write(text, newline);
        return Fails(() => Read(home), problem, path);
    }

    public class TheReadMethod
    {
        [Fact]
        public void ReadsTheBasicSectionOfTheDefaultFile()
        {
            using var home = new TempHome();
            home.Write(
                "[global]\nak = " + GivenAk + "\nsk = " + GivenSk + "\n\n[basic]\nak = " + FileAk + "\nsk = " + FileSk
                + "\nsecurity_token = " + Token + "\nproject_id = 0123\ndomain_id = 4567\niam_endpoint = https://iam.example.com/v3/\nregion = ignored\n");

            var credentials = Read(home).Credentials.Keys();

            Assert.Equal(FileAk, Plain(credentials.AccessKey));
            Assert.Equal(FileSk, Plain(credentials.SecretKey));
            Assert.Equal(Token, Plain(credentials.SecurityToken));
            Assert.Equal("0123", credentials.ProjectId);
            Assert.Equal("4567", credentials.DomainId);
            Assert.Equal(new Uri("https://iam.example.com/"), credentials.IamEndpoint);
            Assert.Equal($"profile file {home.DefaultFile} [basic]", credentials.Source);
        }

        [Fact]
        public void ReadsTheFileTheVariableNamesInstead()
        {
            using var home = new TempHome();
            home.Write("[basic]\nak = " + GivenAk + "\nsk = " + GivenSk + "\n");
            var other = home.Write("[basic]\nak = " + FileAk + "\nsk = " + FileSk + "\n", path: Path.Combine(home.Directory, "elsewhere.ini"));

            var credentials = Read(home, (CredentialVariables.CredentialsFile, other)).Credentials.Keys();

            Assert.Equal(FileAk, Plain(credentials.AccessKey));
            Assert.Equal($"profile file {other} [basic]", credentials.Source);
        }

        [Fact]
        public void SkipsAMissingFileSayingWhereThePathCameFrom()
        {
            using var home = new TempHome();
            var missing = Path.Combine(home.Directory, "none.ini");

            var lookup = Read(home, (CredentialVariables.CredentialsFile, missing));

            Assert.Null(lookup.Credentials);
            Assert.Equal($"profile file {missing} (not found; the path is from HUAWEICLOUD_SDK_CREDENTIALS_FILE)", lookup.Description);
        }

        [Fact]
        public void ReadsAWindowsFileWithByteOrderMarkAndCrLf()
        {
            using var home = new TempHome();
            home.Write("; written by Notepad\n[basic]\nak = " + FileAk + "\nsk = " + FileSk + "\n", "\r\n", byteOrderMark: true);

            var credentials = Read(home).Credentials.Keys();

            Assert.Equal(FileSk, Plain(credentials.SecretKey));
        }

        [Theory]
        [InlineData("[basic]\n# a comment\nak = " + FileAk + "\n", 3, "ak is set but sk is not.")]
        [InlineData("[basic]\nak =\nsk = " + FileSk + "\n", 2, "sk is set but ak is not.")]
        [InlineData("[basic]\nsecurity_token = " + Token + "\n", 2, "security_token is set but ak and sk are not;")]
        public void NamesTheFileTheLineAndTheMissingKeyOfAHalfPair(string text, int line, string problem)
        {
            foreach (var newline in new[] { "\n", "\r\n" })
            {
                var error = FailsOn(text, CredentialsProblem.Incomplete, newline);

                Assert.Equal(line, error.LineNumber);
                Assert.StartsWith($"Credentials file '{error.FilePath}', line {line}, [basic]: {problem}", error.Message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void RefusesAnInlineCommentAfterAKey()
        {
            var error = FailsOn("[basic]\nak = " + FileAk + "\nsk = " + FileSk + "   # my old key\n", CredentialsProblem.InvalidValue);

            Assert.Equal(3, error.LineNumber);
            Assert.StartsWith($"Credentials file '{error.FilePath}', line 3, [basic]: sk contains whitespace", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void RefusesAnIamEndpointThatIsNotAnHttpsUrl()
        {
            var error = FailsOn("[basic]\nak = " + FileAk + "\nsk = " + FileSk + "\niam_endpoint = ftp://iam.example.com\n", CredentialsProblem.InvalidValue);

            Assert.Equal(4, error.LineNumber);
            Assert.Equal($"Credentials file '{error.FilePath}', line 4, [basic]: iam_endpoint: 'ftp://iam.example.com' is not an http(s) URL.", error.Message);
        }

        // As the Go SDK does with HUAWEICLOUD_SDK_IAM_ENDPOINT: a host name alone is https.
        [Fact]
        public void TakesAnIamEndpointWithoutSchemeAsHttps()
        {
            using var home = new TempHome();
            home.Write("[basic]\nak = " + FileAk + "\nsk = " + FileSk + "\niam_endpoint = iam.example.com\n");

            var credentials = Read(home).Credentials!;

            Assert.Equal(new Uri("https://iam.example.com/"), credentials.IamEndpoint);
        }

        [Fact]
        public void RefusesAMalformedFileEvenOutsideBasic()
        {
            var error = FailsOn("[basic]\nak = " + FileAk + "\nsk = " + FileSk + "\n[other]\nno delimiter here\n", CredentialsProblem.MalformedFile);

            Assert.Equal(5, error.LineNumber);
        }

        [Fact]
        public void RefusesAFolderWhereTheFileShouldBe()
        {
            using var home = new TempHome();
            Directory.CreateDirectory(home.DefaultFile);

            var error = Fails(() => Read(home), CredentialsProblem.UnreadableFile, home.DefaultFile);

            Assert.Equal($"Credentials file '{home.DefaultFile}' could not be read: it is a folder, not a file.", error.Message);
        }
    }
}
