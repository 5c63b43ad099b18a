using System;
using System.IO;
using System.Text;

namespace MrsJobs.Core.Credentials;

/// <summary>
/// Keys, or an identity provider with an ID token file, from the <c>[basic]</c> section of the SDKs' credentials file (<see cref="ProfileFileLocation"/>).
/// A missing file, or one without <c>[basic]</c> or without keys in it, is not an error: the chain says
/// where it looked. An unreadable or malformed file, or half a key pair, is.
/// </summary>
internal sealed class ProfileCredentialSource
{
    private const string Section = ProfileKeys.BasicSection;
    private const string PairAdvice = "Give both " + ProfileKeys.AccessKey + " and " + ProfileKeys.SecretKey + " under [" + Section + "], or neither.";

    private readonly Func<string, string?> _environment;
    private readonly Func<string?> _homeDirectory;

    /// <summary>Creates the source over an environment accessor and a home directory accessor.</summary>
    public ProfileCredentialSource(Func<string, string?> environment, Func<string?> homeDirectory)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _homeDirectory = homeDirectory ?? throw new ArgumentNullException(nameof(homeDirectory));
    }

    /// <summary>The credentials, or why there are none.</summary>
    /// <exception cref="CredentialsException">The file cannot be read, is malformed, or holds half a key pair or a bad value.</exception>
    public SourceLookup Read()
    {
        var location = ProfileFileLocation.Find(_environment, _homeDirectory);
        if (location.Path is not { } path)
        {
            return SourceLookup.Missing(
                "profile file",
                $"no home directory to look in, and {CredentialVariables.CredentialsFile} is not set");
        }

        var place = "profile file " + path;
        var file = Load(path);
        if (file is null)
        {
            return SourceLookup.Missing(place, location.FromVariable ? $"not found; the path is from {CredentialVariables.CredentialsFile}" : "not found");
        }

        if (file.Section(Section) is not { } section)
        {
            return SourceLookup.Missing(place, file.SectionNames.Count == 0
                ? "no sections"
                : $"no [{Section}] section, only {file.DescribeSections()}; section names are case-sensitive");
        }

        return FromSection(file, section, $"{place} [{Section}]");
    }

    private static SourceLookup FromSection(IniFile file, IniSection section, string place)
    {
        CredentialsException Fail(string name, string problem, CredentialsProblem kind, string? advice) =>
            Problem(file, section, LineOf(section, name), problem, kind, advice);

        var credentials = CredentialBuilder.Build(SourceNames.Profile, key => section[key]?.Value, Fail, PairAdvice, CredentialSourceKind.ProfileFile, place);
        return credentials is null
            ? SourceLookup.Missing(place, $"no {ProfileKeys.AccessKey} or {ProfileKeys.SecretKey}, and no {ProfileKeys.IdpId} or {ProfileKeys.IdTokenFile}")
            : SourceLookup.Found(credentials);
    }

    // The line of the key concerned; for a key that is not there at all, the line of the keys that are.
    private static int LineOf(IniSection section, string key) =>
        (section[key] ?? section[ProfileKeys.AccessKey] ?? section[ProfileKeys.SecretKey] ?? section[ProfileKeys.SecurityToken])?.Line ?? section.Line;

    /// <summary>The parsed file; <c>null</c> when there is no file at the path.</summary>
    private static IniFile? Load(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return Directory.Exists(path)
                    ? throw Unreadable(path, "it is a folder, not a file", null)
                    : null;
            }

            using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return IniFile.Parse(reader, path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw Unreadable(path, "access is denied", ex);
        }
        catch (IOException ex)
        {
            throw Unreadable(path, ex.GetType().Name, ex);
        }
    }

    private static CredentialsException Unreadable(string path, string reason, Exception? inner) =>
        new($"Credentials file '{path}' could not be read: {reason}.", CredentialsProblem.UnreadableFile, path, innerException: inner);

    private static CredentialsException Problem(IniFile file, IniSection section, int line, string problem, CredentialsProblem kind, string? advice = null) =>
        new($"Credentials file '{file.Path}', line {line}, [{section.Name}]: {problem}", kind, file.Path, line, advice);
}
