using System;
using System.Collections.Concurrent;

namespace MrsJobs.Core.Api;

/// <summary>
/// What a session has learned about the job list's <c>offset</c>, per MRS endpoint, so that later listings neither
/// probe nor re-learn. The meaning belongs to the service behind an endpoint, not to a project or cluster. Kept by
/// <see cref="Sessions.MrsSession"/>; thread-safe (commands of several runspaces may share a session).
/// </summary>
internal sealed class ListOffsetCache
{
    private readonly ConcurrentDictionary<string, OffsetMeanings> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What is known for <paramref name="endpoint"/>; <see cref="OffsetMeanings.All"/> when nothing.</summary>
    public OffsetMeanings Recall(Uri endpoint) =>
        _known.TryGetValue(Key(endpoint), out var known) ? known : OffsetMeanings.All;

    /// <summary>Keeps <paramref name="possible"/> for <paramref name="endpoint"/>, replacing what was there (a listing starts from it, so it only narrows, unless the service contradicted it).</summary>
    public void Remember(Uri endpoint, OffsetMeanings possible)
    {
        if (possible == OffsetMeanings.None || possible == OffsetMeanings.All)
        {
            _known.TryRemove(Key(endpoint), out _);
            return;
        }

        _known[Key(endpoint)] = possible;
    }

    private static string Key(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
