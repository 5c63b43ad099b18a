using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using MrsJobs.Core.Journal;

namespace MrsJobs.Tests.Journal;

/// <summary>A temporary folder for journal files, removed afterwards, and a fixed clock to open journals with.</summary>
internal sealed class JournalFiles : IDisposable
{
    public static readonly DateTimeOffset Created = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    public const string Hash = "1111111111111111111111111111111111111111111111111111111111111111";

    public const string OtherHash = "2222222222222222222222222222222222222222222222222222222222222222";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "MrsJobs.Journal." + Guid.NewGuid().ToString("N"));

    public JournalFiles() => Directory.CreateDirectory(folder);

    public FakeTimeProvider Clock { get; } = new(Created);

    /// <summary>A path in the folder; the file does not exist yet.</summary>
    public string NewPath(string name = "run.journal.jsonl") => Path.Combine(folder, name);

    public SubmissionJournal Open(string path) => SubmissionJournal.Open(path, Clock);

    /// <summary>A journal file holding exactly <paramref name="text"/>.</summary>
    public string WithText(string text)
    {
        var path = NewPath(Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        return path;
    }

    /// <summary>The header line this module writes, with its newline.</summary>
    public static string HeaderLine => "{\"type\":\"journal\",\"version\":1,\"created\":\"2026-11-26T06:00:00.000Z\",\"tool\":\"MrsJobs\"}\n";

    public static string IntentLine(int row, string hash = Hash) =>
        $"{{\"type\":\"intent\",\"row\":{row},\"hash\":\"{hash}\",\"cluster_id\":\"c-1\",\"job_name\":\"job{row}\",\"job_type\":\"SparkSubmit\",\"at\":\"2026-11-26T06:00:00.000Z\"}}\n";

    public static string[] Lines(string path) =>
        File.ReadAllText(path).Split('\n').Where(line => line.Length > 0).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder harms no test.
        }
    }
}
