using System;
using System.Collections.Generic;
using System.IO;

namespace MrsJobs.Core.Regions;

/// <summary>
/// Reads the SDKs' regions file, exactly the shape their ProfileProvider unmarshals (a map from service name
/// to a list of <c>id</c>, <c>endpoint</c>, <c>endpoints</c>):
/// <code>
/// MRS:                      # service names are case-insensitive
///   - id: cn-north-4
///     endpoint: 'https://mrs.cn-north-4.myhuaweicloud.com'
///   - id: cn-north-9
///     endpoints:            # or: endpoints: [a, b]
///       - https://mrs.cn-north-9.myhuaweicloud.com
/// </code>
/// Stricter than the SDKs, which pass over an entry without id or endpoint, let a later entry replace an
/// earlier one and ignore unknown keys: each of those is an error naming the line, so a typing mistake is not
/// silently replaced by the region table. Every service is read (the file is shared with other tools); only
/// MRS and IAM are used. No line is ever quoted.
/// </summary>
internal static class RegionsFileParser
{
    private const string IdKey = "id";
    private const string EndpointKey = "endpoint";
    private const string EndpointsKey = "endpoints";

    /// <summary>Parses the text of the file at <paramref name="path"/>.</summary>
    /// <exception cref="Errors.MrsApiException">The text is not that shape (<c>MrsEndpoints.MalformedFile</c>).</exception>
    public static RegionsFile Parse(TextReader reader, string path)
    {
        Exception Fail(int line, string problem) => EndpointErrors.Malformed(path, line, problem);

        var lines = YamlText.Lines(reader, Fail);
        var file = new RegionsFile(path);
        var next = 0;
        while (next < lines.Count)
        {
            var line = lines[next++];
            if (line.Indent != 0 || line.IsItem || !YamlText.TrySplitKey(line.Text, line.Number, Fail, out var name, out var rest))
            {
                throw Fail(line.Number, "expected a service name followed by ':' (such as MRS:) at the start of the line.");
            }

            var service = name.ToUpperInvariant();
            if (file.HasService(service))
            {
                throw Fail(line.Number, $"the service {service} is given twice (names are case-insensitive).");
            }

            if (rest.Length > 0 && rest[0] != '#' && rest != "[]")
            {
                throw Fail(line.Number, $"the regions of {service} go on the next lines, each starting with '- id:'.");
            }

            file.AddService(service);
            next = ReadEntries(lines, next, service, file, Fail);
        }

        return file;
    }

    // The entries of one service: items that all start at the indentation of the first.
    private static int ReadEntries(List<YamlLine> lines, int next, string service, RegionsFile file, YamlText.Failure fail)
    {
        YamlLine? first = null;
        while (next < lines.Count && !(lines[next].Indent == 0 && !lines[next].IsItem))
        {
            var line = lines[next];
            if (!line.IsItem || (first is { } dash && line.Indent != dash.Indent))
            {
                throw fail(line.Number, first is { } start
                    ? $"expected the next region of {service}: a '-' lined up with the one on line {start.Number}."
                    : $"expected the regions of {service}: lines starting with '- id:'.");
            }

            first ??= line;
            next = ReadEntry(lines, next, service, file, fail);
        }

        return next;
    }

    private static int ReadEntry(List<YamlLine> lines, int next, string service, RegionsFile file, YamlText.Failure fail)
    {
        var item = lines[next++];
        var afterDash = item.Text.Substring(1);
        var keyIndent = item.Indent + 1 + (afterDash.Length - afterDash.TrimStart().Length);
        var keys = new List<YamlLine>();
        if (afterDash.Trim().Length > 0)
        {
            keys.Add(new YamlLine(item.Number, keyIndent, afterDash.Trim()));
        }
        else if (next < lines.Count && lines[next].Indent > item.Indent && !lines[next].IsItem)
        {
            keyIndent = lines[next].Indent;
        }

        string? id = null;
        string? endpoint = null;
        var endpointLine = 0;
        List<RegionsFileEndpoint>? list = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < keys.Count || (next < lines.Count && lines[next].Indent == keyIndent && !lines[next].IsItem); k++)
        {
            var line = k < keys.Count ? keys[k] : lines[next++];
            if (!YamlText.TrySplitKey(line.Text, line.Number, fail, out var key, out var rest))
            {
                throw fail(line.Number, "expected 'key: value' in a region entry.");
            }

            if (!seen.Add(key))
            {
                throw fail(line.Number, $"'{key}' is given twice in the entry that starts on line {item.Number}.");
            }

            switch (key)
            {
                case IdKey:
                    id = YamlText.Scalar(rest, line.Number, fail) ?? throw fail(line.Number, "the id is empty.");
                    break;
                case EndpointKey:
                    endpoint = YamlText.Scalar(rest, line.Number, fail) ?? throw fail(line.Number, "the endpoint is empty.");
                    endpointLine = line.Number;
                    break;
                case EndpointsKey:
                    list = new List<RegionsFileEndpoint>();
                    next = ReadEndpoints(lines, next, line, keyIndent, rest, list, fail);
                    break;
                default:
                    throw fail(line.Number, $"'{key}' is not read in a region entry; the SDKs read {IdKey}, {EndpointKey} and {EndpointsKey}.");
            }
        }

        if (next < lines.Count && lines[next].Indent > item.Indent && !lines[next].IsItem)
        {
            throw fail(lines[next].Number, $"this line does not line up with the keys of the entry that starts on line {item.Number}.");
        }

        Add(file, service, item.Number, id, endpoint is null ? null : new RegionsFileEndpoint(endpoint, endpointLine), list, fail);
        return next;
    }

    // endpoints: [a, b]   or   endpoints:   followed by '- a' lines indented at least as much as the key.
    private static int ReadEndpoints(List<YamlLine> lines, int next, YamlLine keyLine, int keyIndent, string rest, List<RegionsFileEndpoint> list, YamlText.Failure fail)
    {
        if (rest.StartsWith("[", StringComparison.Ordinal))
        {
            list.AddRange(YamlText.FlowList(rest, keyLine.Number, fail).ConvertAll(text => new RegionsFileEndpoint(text, keyLine.Number)));
        }
        else if (YamlText.Scalar(rest, keyLine.Number, fail) is not null)
        {
            throw fail(keyLine.Number, $"{EndpointsKey} is a list: '- url' lines below it, or [url, url]; for one URL use {EndpointKey}.");
        }

        while (next < lines.Count && lines[next].IsItem && lines[next].Indent >= keyIndent)
        {
            var line = lines[next++];
            var text = line.Text.Substring(1).Trim();
            var value = YamlText.Scalar(text, line.Number, fail) ?? throw fail(line.Number, "a list item is empty.");
            list.Add(new RegionsFileEndpoint(value, line.Number));
        }

        return list.Count > 0 ? next : throw fail(keyLine.Number, $"{EndpointsKey} lists no URL.");
    }

    private static void Add(RegionsFile file, string service, int line, string? id, RegionsFileEndpoint? endpoint, List<RegionsFileEndpoint>? list, YamlText.Failure fail)
    {
        if (id is null)
        {
            throw fail(line, $"the entry has no {IdKey}.");
        }

        var endpoints = new List<RegionsFileEndpoint>();
        if (endpoint is not null)
        {
            endpoints.Add(endpoint);
        }

        endpoints.AddRange(list ?? new List<RegionsFileEndpoint>());
        if (endpoints.Count == 0)
        {
            throw fail(line, $"the entry of {id} has neither {EndpointKey} nor {EndpointsKey}.");
        }

        if (file.Find(service, id) is { } earlier)
        {
            throw fail(line, $"{id} is given twice under {service} (first on line {earlier.Line}).");
        }

        file.Add(new RegionsFileEntry(service, id, line, endpoints));
    }
}
