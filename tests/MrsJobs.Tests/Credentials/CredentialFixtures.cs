using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Text;
using MrsJobs.Core.Credentials;

namespace MrsJobs.Tests.Credentials;

/// <summary>Made-up keys, a fake environment and temporary credentials files for the credential tests.</summary>
internal static class CredentialFixtures
{
    public const string EnvAk = "ENVAKEXAMPLE00000001";
    public const string EnvSk = "envSecretKeyExampleDoNotShow0001";
    public const string FileAk = "FILEAKEXAMPLE0000002";
    public const string FileSk = "fileSecretKeyExampleDoNotShow002";
    public const string GivenAk = "GIVENAKEXAMPLE000003";
    public const string GivenSk = "givenSecretKeyExampleDoNotShow03";
    public const string Token = "gQpjbi1ub3J0aC00TokenExampleDoNotShow==";

    /// <summary>Every secret above, for "never shown" checks.</summary>
    public static readonly string[] Secrets = { EnvAk, EnvSk, FileAk, FileSk, GivenAk, GivenSk, Token };

    public static Func<string, string?> Environment(params (string Name, string? Value)[] variables)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            values[name] = value;
        }

        return name => values.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>The access keys a source or the chain found; fails when it found something else.</summary>
    public static AccessKeyCredentials Keys(this ChainCredentials? found) => Xunit.Assert.IsType<AccessKeyCredentials>(found);

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        return secure;
    }

    public static string Plain(SecureString? secure) => new System.Net.NetworkCredential(string.Empty, secure).Password;

    public static void AssertShowsNoSecret(string? text)
    {
        foreach (var secret in Secrets)
        {
            Xunit.Assert.DoesNotContain(secret, text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    /// <summary>The exception <paramref name="action"/> throws, checked for its problem, error id, file and for secrets.</summary>
    public static CredentialsException Fails(Action action, CredentialsProblem problem, string? filePath = null)
    {
        var error = Xunit.Assert.Throws<CredentialsException>(action);
        Xunit.Assert.Equal(problem, error.Problem);
        Xunit.Assert.Equal("MrsCredentials." + problem, error.ErrorId);
        Xunit.Assert.Equal(filePath, error.FilePath);
        AssertShowsNoSecret(error.Message);
        return error;
    }
}

/// <summary>A temporary home directory, with a credentials file in it when one is written.</summary>
internal sealed class TempHome : IDisposable
{
    public TempHome()
    {
        Directory = Path.Combine(Path.GetTempPath(), "mrsjobs-creds-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string DefaultFile => Path.Combine(Directory, ".huaweicloud", "credentials");

    /// <summary>Writes the default credentials file; lines joined with LF unless <paramref name="newline"/> says otherwise.</summary>
    public string Write(string text, string newline = "\n", bool byteOrderMark = false, string? path = null)
    {
        path ??= DefaultFile;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n").Replace("\n", newline), new UTF8Encoding(byteOrderMark));
        return path;
    }

    public CredentialChain Chain(params (string Name, string? Value)[] variables) =>
        new(CredentialFixtures.Environment(variables), () => Directory);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
