namespace MrsJobs.Core.Journal;

/// <summary>Why a submission journal could not be used; the cmdlet maps each to an ErrorId.</summary>
public enum JournalProblem
{
    /// <summary>Another run (another process, or another command in this process) has the journal open.</summary>
    InUse,

    /// <summary>The file is not a journal, is of another version, or has a damaged line that is not the last.</summary>
    Unreadable,

    /// <summary>A row of the input is not the job the journal recorded for that row.</summary>
    WrittenForOtherInput,

    /// <summary>The journal could not be created, repaired or appended to.</summary>
    CannotWrite,
}
