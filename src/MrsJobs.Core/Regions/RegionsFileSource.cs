using System;
using System.IO;
using System.Text;
using MrsJobs.Core.Credentials;

namespace MrsJobs.Core.Regions;

/// <summary>
/// Finds and reads the SDKs' regions file: <c>HUAWEICLOUD_SDK_REGIONS_FILE</c> when set, else
/// <c>&lt;home&gt;/.huaweicloud/regions.yaml</c> (Go's and Python's ProfileProvider agree). As in the SDKs, a
/// missing file is no file; one that exists but cannot be read or parsed is an error. The file is read at
/// most once per source, when a lookup first needs it.
/// </summary>
internal sealed class RegionsFileSource
{
    private readonly Func<string, string?> _environment;
    private readonly Func<string?> _homeDirectory;
    private Lazy<RegionsFile?>? _file;

    /// <summary>Creates the source over an environment accessor and a home directory accessor.</summary>
    public RegionsFileSource(Func<string, string?> environment, Func<string?> homeDirectory)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _homeDirectory = homeDirectory ?? throw new ArgumentNullException(nameof(homeDirectory));
    }

    /// <summary>Where the file is looked for; <c>null</c> when there is no home directory and no variable.</summary>
    public string? Path
    {
        get
        {
            var fromVariable = CredentialRules.Clean(_environment(EndpointVariables.RegionsFile));
            if (fromVariable is not null)
            {
                return FullPath(fromVariable);
            }

            var home = CredentialRules.Clean(_homeDirectory());
            return home is null ? null : System.IO.Path.Combine(home, EndpointVariables.DirectoryName, EndpointVariables.FileName);
        }
    }

    /// <summary>The parsed file; <c>null</c> when there is none.</summary>
    /// <exception cref="Errors.MrsApiException">The file exists but cannot be read, or is not the SDKs' shape.</exception>
    public RegionsFile? Read()
    {
        _file ??= new Lazy<RegionsFile?>(() => Path is { } path ? Load(path) : null);
        return _file.Value;
    }

    private static RegionsFile? Load(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return Directory.Exists(path) ? throw EndpointErrors.Unreadable(path, "it is a folder, not a file", null) : null;
            }

            using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return RegionsFileParser.Parse(reader, path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw EndpointErrors.Unreadable(path, "access is denied", ex);
        }
        catch (IOException ex)
        {
            throw EndpointErrors.Unreadable(path, ex.GetType().Name, ex);
        }
    }

    private static string FullPath(string path)
    {
        try
        {
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            throw EndpointErrors.InvalidValue($"Environment variable {EndpointVariables.RegionsFile}", $"it is not a usable file path ({ex.GetType().Name}).", "Set it to the path of a regions.yaml file, or remove it.");
        }
    }
}
