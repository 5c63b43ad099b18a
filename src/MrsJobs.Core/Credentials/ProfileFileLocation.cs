using System;
using System.IO;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// Where the credentials file is: <c>HUAWEICLOUD_SDK_CREDENTIALS_FILE</c> when set, else
/// <c>&lt;home&gt;/.huaweicloud/credentials</c>. All three SDKs agree; "home" is <c>USERPROFILE</c> on Windows
/// and <c>HOME</c> elsewhere (Python's <c>filepath_utils.get_home_path</c>, Go's <c>os.UserHomeDir</c>,
/// .NET's <see cref="Environment.SpecialFolder.UserProfile"/>, which is the default here).
/// </summary>
internal sealed class ProfileFileLocation
{
    /// <summary>The folder under home.</summary>
    public const string DirectoryName = ".huaweicloud";

    /// <summary>The file in that folder.</summary>
    public const string FileName = "credentials";

    private ProfileFileLocation(string? path, bool fromVariable)
    {
        Path = path;
        FromVariable = fromVariable;
    }

    /// <summary>The full path; <c>null</c> when there is no home directory and no variable.</summary>
    public string? Path { get; }

    /// <summary><c>true</c> when the path came from <c>HUAWEICLOUD_SDK_CREDENTIALS_FILE</c>.</summary>
    public bool FromVariable { get; }

    /// <summary>Finds the path. A relative variable value is taken from the process's current directory.</summary>
    /// <exception cref="CredentialsException">The variable holds something that is not a path.</exception>
    public static ProfileFileLocation Find(Func<string, string?> environment, Func<string?> homeDirectory)
    {
        var fromVariable = CredentialRules.Clean(environment(CredentialVariables.CredentialsFile));
        if (fromVariable is not null)
        {
            return new ProfileFileLocation(FullPath(fromVariable), fromVariable: true);
        }

        var home = CredentialRules.Clean(homeDirectory());
        return home is null
            ? new ProfileFileLocation(null, fromVariable: false)
            : new ProfileFileLocation(System.IO.Path.Combine(home, DirectoryName, FileName), fromVariable: false);
    }

    private static string FullPath(string path)
    {
        try
        {
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            throw new CredentialsException(
                $"Environment variables: {CredentialVariables.CredentialsFile} is not a usable file path ({ex.GetType().Name}).",
                CredentialsProblem.InvalidValue,
                innerException: ex);
        }
    }
}
