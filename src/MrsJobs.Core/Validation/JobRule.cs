using System;

namespace MrsJobs.Core.Validation;

/// <summary>
/// The documented SubmitJobV2 rules that are checked before a request is sent. Each can be
/// skipped by name (<c>New-MrsJobExecution -SkipCheck</c>) for when the service's rules differ
/// from the page; the required-field checks cannot be skipped.
/// </summary>
[Flags]
public enum JobRule
{
    /// <summary>No rule.</summary>
    None = 0,

    /// <summary><c>job_type</c> is one of the nine documented types.</summary>
    JobType = 1,

    /// <summary><c>job_name</c> matches <c>[A-Za-z0-9_-]{1,64}</c> (the whole name).</summary>
    JobName = 2,

    /// <summary>No argument contains any of <c>; | &amp; &gt; ' &lt; $ ! " \</c>.</summary>
    ArgumentCharacters = 4,

    /// <summary>The arguments add up to at most 4096 characters.</summary>
    ArgumentLength = 8,

    /// <summary>No property key or value contains any of <c>&gt; &lt; | ' ` &amp; ! " \</c>.</summary>
    PropertyCharacters = 16,

    /// <summary>The property keys and values add up to at most 2048 characters.</summary>
    PropertyLength = 32,

    /// <summary>Every skippable rule.</summary>
    All = JobType | JobName | ArgumentCharacters | ArgumentLength | PropertyCharacters | PropertyLength,
}
