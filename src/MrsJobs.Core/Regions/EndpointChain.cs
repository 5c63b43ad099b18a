using System;
using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Http;
using MrsJobs.Core.Sessions;

namespace MrsJobs.Core.Regions;

/// <summary>
/// Finds the MRS and IAM endpoints as the official SDKs' region provider chains do (environment, then the
/// regions file, then the SDK's own table), with the caller's parameters first. The first source that
/// answers wins:
/// <list type="bullet">
/// <item>MRS: <c>-Endpoint</c>; <c>HUAWEICLOUD_SDK_REGION_MRS_{REGION}</c>; the regions file's MRS entry; the
/// table; else, for a region no table knows, <c>https://mrs.{region}.myhuaweicloud.com</c> with a warning
/// (a new region may come before the table knows it).</item>
/// <item>IAM: <c>-IamEndpoint</c>; the credentials file's <c>iam_endpoint</c> (a credential's own setting,
/// which the SDKs put first); <c>HUAWEICLOUD_SDK_REGION_IAM_{REGION}</c>; <c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c>
/// (process-wide, so after the region's own variable); the regions file's IAM entry; the table; else the
/// global <c>https://iam.myhuaweicloud.com</c>, as the SDKs' credentials do for a region their table lacks.
/// Without a region, only the parameter, the credential source and <c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c>
/// count: a private cloud given by <c>-Endpoint</c> alone never sends anything to the public IAM.</item>
/// </list>
/// Every endpoint follows the parameters' rules (<see cref="Endpoints.Check"/>: <c>https://</c> is added to a
/// host name; plain http only for loopback); a variable may list several endpoints separated by commas, and
/// the file may give several: the first is used, as the module does not switch to a backup endpoint.
/// </summary>
internal sealed class EndpointChain
{
    private readonly Func<string, string?> _environment;
    private readonly RegionsFileSource _file;

    /// <summary>Creates a chain over an environment accessor and a home directory accessor (tests give their own).</summary>
    public EndpointChain(Func<string, string?> environment, Func<string?> homeDirectory)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _file = new RegionsFileSource(environment, homeDirectory);
    }

    /// <summary>A chain over this process's environment and the user profile folder.</summary>
    public static EndpointChain ForCurrentProcess() =>
        new(Environment.GetEnvironmentVariable, () => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>A chain that knows only the parameters and the table: no variable, no file.</summary>
    public static EndpointChain RegionTableOnly { get; } = new(_ => null, () => null);

    /// <summary>
    /// Finds both endpoints, as <see cref="Resolve"/>, and tells the user before anything is sent to them: the
    /// warning about a region no table knows through <see cref="CallContext.Warn"/>, each endpoint with its
    /// source (and the notes) through <c>-Verbose</c>. Every session factory locates its services here.
    /// </summary>
    /// <exception cref="ArgumentException">The region is not a well-formed region name.</exception>
    /// <exception cref="Errors.MrsApiException">A variable or the regions file holds something that cannot be used.</exception>
    public SessionEndpoints Locate(EndpointQuery query, CallContext context)
    {
        var endpoints = Resolve(query);
        if (endpoints.Warning is { } warning)
        {
            context.Warn(warning);
        }

        foreach (var line in endpoints.Describe())
        {
            context.Trace.Verbose(line);
        }

        return endpoints;
    }

    /// <summary>Finds both endpoints; see the class description for the order.</summary>
    /// <exception cref="ArgumentException">The region is not a well-formed region name.</exception>
    /// <exception cref="Errors.MrsApiException">A variable or the regions file holds something that cannot be used.</exception>
    public SessionEndpoints Resolve(EndpointQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var region = RegionNames.Normalize(query.Region);
        var notes = new List<string>();
        var mrs = query.Endpoint is { } endpoint
            ? new ResolvedEndpoint(endpoint, EndpointSourceKind.Parameter, "-Endpoint")
            : region is null ? null : FindMrs(RegionNames.Require(region), notes);
        var iam = query.IamEndpoint is { } iamEndpoint
            ? new ResolvedEndpoint(Endpoints.IamRoot(iamEndpoint), EndpointSourceKind.Parameter, "-IamEndpoint")
            : query.CredentialIamEndpoint ?? FindIam(region is null ? null : RegionNames.Require(region), notes);
        if (query.ConfiguredIamOnlyWithEndpoint && mrs?.Kind == EndpointSourceKind.Parameter && iam is { IsConfigured: false })
        {
            notes.Add($"IAM is not asked about the token: MRS is -Endpoint and no IAM endpoint is configured (the {iam.Kind} one would be {iam.Url}).");
            iam = null;
        }

        return new SessionEndpoints(region, mrs, iam, notes);
    }

    private ResolvedEndpoint FindMrs(string region, List<string> notes) =>
        FromVariable(EndpointVariables.ForRegion(EndpointVariables.Mrs, region), notes)
        ?? FromFile(EndpointVariables.Mrs, region, notes)
        ?? Table(RegionTable.Mrs(region))
        ?? new ResolvedEndpoint(RegionTable.Pattern("mrs", region), EndpointSourceKind.Guessed, $"{region} is not in the SDKs' MRS table");

    private ResolvedEndpoint? FindIam(string? region, List<string> notes)
    {
        var found = (region is null ? null : FromVariable(EndpointVariables.ForRegion(EndpointVariables.Iam, region), notes))
            ?? FromVariable(EndpointVariables.IamEndpoint, notes)
            ?? (region is null ? null : FromFile(EndpointVariables.Iam, region, notes) ?? Table(RegionTable.Iam(region)))
            ?? (region is null ? null : new ResolvedEndpoint(RegionTable.GlobalIamEndpoint, EndpointSourceKind.GlobalFallback, $"{region} is not in the SDKs' IAM table"));
        return found is null ? null : new ResolvedEndpoint(Endpoints.IamRoot(found.Url), found.Kind, found.Detail);
    }

    private ResolvedEndpoint? FromVariable(string name, List<string> notes)
    {
        var value = CredentialRules.Clean(_environment(name));
        if (value is null)
        {
            return null;
        }

        var listed = value.Split(',').Select(part => part.Trim()).Where(part => part.Length > 0).ToList();
        var place = $"Environment variable {name}";
        var url = Endpoints.Check(listed.FirstOrDefault(), name, out var problem) ?? throw EndpointErrors.InvalidValue(place, problem!);
        NoteUnused(listed.Count, place, notes);
        return new ResolvedEndpoint(url, EndpointSourceKind.Environment, name);
    }

    private ResolvedEndpoint? FromFile(string service, string region, List<string> notes)
    {
        var file = _file.Read();
        if (file?.Find(service, region) is not { } entry)
        {
            return null;
        }

        var first = entry.Endpoints[0];
        var place = $"Regions file '{file.Path}', line {first.Line}, {service} {entry.Id}";
        var url = Endpoints.Check(first.Text, "endpoint", out var problem) ?? throw EndpointErrors.InvalidValue(place, problem!);
        NoteUnused(entry.Endpoints.Count, place, notes);
        return new ResolvedEndpoint(url, EndpointSourceKind.RegionsFile, $"{file.Path}, line {first.Line}");
    }

    private static ResolvedEndpoint? Table(Uri? url) => url is null ? null : new ResolvedEndpoint(url, EndpointSourceKind.RegionTable);

    private static void NoteUnused(int count, string place, List<string> notes)
    {
        if (count > 1)
        {
            notes.Add($"{place} lists {count} endpoints; the first is used (the module does not switch to a backup endpoint).");
        }
    }
}
