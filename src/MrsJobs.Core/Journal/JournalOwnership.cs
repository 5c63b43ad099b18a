using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace MrsJobs.Core.Journal;

/// <summary>
/// Makes one writer the only writer of a journal, while readers stay welcome.
/// </summary>
/// <remarks>
/// On Windows the file's sharing mode (<see cref="FileShare.Read"/>) refuses a second writer. On Linux and macOS .NET
/// turns every sharing mode but <see cref="FileShare.None"/> into a shared advisory lock, which refuses nobody, so two
/// more guards are taken: a list of the journals open in this process (another command in the same session), and a
/// write lock on one byte far past the end of the file (another process; readers ignore it, and it never covers
/// data). macOS offers no such lock to .NET, so there only the first two guards hold. The byte lock is a POSIX record
/// lock, owned by the process: closing any other handle this process has on the journal file drops it, so nothing
/// else in the module may open the journal while a run writes it.
/// </remarks>
internal sealed class JournalOwnership : IDisposable
{
    private const long LockedOffset = long.MaxValue - 1;

    private const int EaccesOnUnix = 13;

    private static readonly HashSet<string> OpenInThisProcess = new(
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

    private readonly string fullPath;
    private bool released;

    private JournalOwnership(string fullPath) => this.fullPath = fullPath;

    /// <summary>Claims the journal for this process.</summary>
    /// <exception cref="JournalException">Another command in this process has the journal open (<see cref="JournalProblem.InUse"/>).</exception>
    public static JournalOwnership Claim(string fullPath)
    {
        lock (OpenInThisProcess)
        {
            if (!OpenInThisProcess.Add(fullPath))
            {
                throw JournalException.InUse(fullPath);
            }
        }

        return new JournalOwnership(fullPath);
    }

    /// <summary>Opens the journal for reading and appending, creating it when it does not exist.</summary>
    /// <exception cref="JournalException">Another process has the journal open, or it cannot be opened.</exception>
    public FileStream OpenExclusively()
    {
        FileStream stream;
        try
        {
            stream = new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1);
        }
        catch (IOException e) when (IsSharingViolation(e))
        {
            throw JournalException.InUse(fullPath, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw JournalException.CannotOpen(fullPath, e);
        }

        try
        {
            LockAgainstOtherProcesses(stream);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Gives up the journal's place in this process's list. Close the stream first: that releases its lock.</summary>
    public void Dispose()
    {
        if (released)
        {
            return;
        }

        released = true;
        lock (OpenInThisProcess)
        {
            OpenInThisProcess.Remove(fullPath);
        }
    }

    private void LockAgainstOtherProcesses(FileStream stream)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return;
        }

        try
        {
            stream.Lock(LockedOffset, 1);
        }
        catch (PlatformNotSupportedException)
        {
            // macOS: only the sharing mode and this process's list guard the journal.
        }
        catch (IOException e) when (IsSharingViolation(e) || (e.HResult & 0xFFFF) == EaccesOnUnix)
        {
            throw JournalException.InUse(fullPath, e);
        }
        catch (IOException)
        {
            // A file system without locks (some network shares): only the sharing mode and this process's list guard the journal.
        }
    }

    /// <summary>Windows' sharing and lock violations; EWOULDBLOCK/EAGAIN on Linux (11) and macOS (35).</summary>
    private static bool IsSharingViolation(IOException e) =>
        e.GetType() == typeof(IOException) && (e.HResult & 0xFFFF) is 32 or 33 or 11 or 35;
}
