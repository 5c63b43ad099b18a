using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MrsJobs.Core.Submission;

/// <summary>
/// Keeps a lookup of a lost answer apart from the submissions it could mistake for its own: per lookup key
/// (cluster, name, type, arguments), sends enter shared and a lookup enters alone. A lookup waits until
/// the sends of its key that are in flight have their answers (and have claimed their jobs), and no new
/// send of that key starts until the lookup is done.
/// </summary>
internal sealed class LookupGate
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits until no lookup of <paramref name="key"/> is running or waiting, then counts a send in.</summary>
    public Task EnterSendAsync(string key, CancellationToken cancellation) =>
        EnterAsync(key, cancellation, lookup: false);

    /// <summary>Counts a send out.</summary>
    public void ExitSend(string key) => Exit(key, lookup: false);

    /// <summary>Stops new sends of <paramref name="key"/> at once, then waits until those in flight have ended.</summary>
    public Task EnterLookupAsync(string key, CancellationToken cancellation) =>
        EnterAsync(key, cancellation, lookup: true);

    /// <summary>Ends a lookup: sends of the key may start again.</summary>
    public void ExitLookup(string key) => Exit(key, lookup: true);

    private async Task EnterAsync(string key, CancellationToken cancellation, bool lookup)
    {
        if (lookup)
        {
            lock (_lock)
            {
                Get(key).Lookups++;   // announced at once: no new send of this key starts from now on
            }
        }

        try
        {
            while (true)
            {
                Task changed;
                lock (_lock)
                {
                    // Fetched each time: an entry is dropped once nothing counts on it, and a waiting send must not count on a dropped one.
                    var entry = Get(key);
                    if (lookup ? entry.Senders == 0 && !entry.LookupRunning : entry.Lookups == 0)
                    {
                        if (lookup)
                        {
                            entry.LookupRunning = true;
                        }
                        else
                        {
                            entry.Senders++;
                        }

                        return;
                    }

                    changed = entry.Changed.Task;
                }

                await WaitAsync(changed, cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (lookup)
        {
            Exit(key, lookup: true, running: false);
            throw;
        }
    }

    private void Exit(string key, bool lookup, bool running = true)
    {
        lock (_lock)
        {
            var entry = Get(key);
            if (lookup)
            {
                entry.Lookups--;
                entry.LookupRunning &= !running;
            }
            else
            {
                entry.Senders--;
            }

            var changed = entry.Changed;
            entry.Changed = NewSignal();
            changed.TrySetResult(true);
            if (entry.Senders == 0 && entry.Lookups == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    private Entry Get(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = new Entry();
            _entries[key] = entry;
        }

        return entry;
    }

    private static async Task WaitAsync(Task changed, CancellationToken cancellation)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellation.Register(() => cancelled.TrySetCanceled()))
        {
            await (await Task.WhenAny(changed, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Entry
    {
        public int Senders { get; set; }

        public int Lookups { get; set; }

        public bool LookupRunning { get; set; }

        public TaskCompletionSource<bool> Changed { get; set; } = NewSignal();
    }
}
