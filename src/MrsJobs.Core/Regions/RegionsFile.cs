using System;
using System.Collections.Generic;

namespace MrsJobs.Core.Regions;

/// <summary>An endpoint written in the regions file, with its line for messages.</summary>
internal sealed class RegionsFileEndpoint
{
    /// <summary>Creates the value.</summary>
    public RegionsFileEndpoint(string text, int line)
    {
        Text = text;
        Line = line;
    }

    /// <summary>The endpoint as written (not yet checked).</summary>
    public string Text { get; }

    /// <summary>Its line, 1-based.</summary>
    public int Line { get; }
}

/// <summary>One region of one service in the regions file: <c>- id: cn-north-4</c> with <c>endpoint</c> and/or <c>endpoints</c>.</summary>
internal sealed class RegionsFileEntry
{
    /// <summary>Creates the entry.</summary>
    public RegionsFileEntry(string service, string id, int line, IReadOnlyList<RegionsFileEndpoint> endpoints)
    {
        Service = service;
        Id = id;
        Line = line;
        Endpoints = endpoints;
    }

    /// <summary>The service, upper case (the file's service names are case-insensitive).</summary>
    public string Service { get; }

    /// <summary>The region id as written.</summary>
    public string Id { get; }

    /// <summary>The line of the entry's <c>-</c>.</summary>
    public int Line { get; }

    /// <summary>The endpoints in the Go SDK's order: <c>endpoint</c> first, then <c>endpoints</c>. Never empty.</summary>
    public IReadOnlyList<RegionsFileEndpoint> Endpoints { get; }
}

/// <summary>
/// The SDKs' regions file, parsed by <see cref="RegionsFileParser"/>: for each service (case-insensitive), the
/// regions it names and their endpoints.
/// </summary>
internal sealed class RegionsFile
{
    private readonly Dictionary<string, Dictionary<string, RegionsFileEntry>> _services = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty file model for <paramref name="path"/>.</summary>
    public RegionsFile(string path)
    {
        Path = path;
    }

    /// <summary>The file, for messages and sources.</summary>
    public string Path { get; }

    /// <summary>The entry of a service and region; <c>null</c> when the file has none. Region ids compare ignoring case.</summary>
    public RegionsFileEntry? Find(string service, string region) =>
        _services.TryGetValue(service, out var regions) && regions.TryGetValue(region, out var entry) ? entry : null;

    /// <summary><c>true</c> when the file already has a section for the service.</summary>
    internal bool HasService(string service) => _services.ContainsKey(service);

    /// <summary>Starts a service's section.</summary>
    internal void AddService(string service) => _services[service] = new Dictionary<string, RegionsFileEntry>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds an entry to its service's section (started by <see cref="AddService"/>).</summary>
    internal void Add(RegionsFileEntry entry) => _services[entry.Service][entry.Id] = entry;
}
