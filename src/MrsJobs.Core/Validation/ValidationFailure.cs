using System.Diagnostics;

namespace MrsJobs.Core.Validation;

/// <summary>One broken rule: the API field it concerns, the rule and a message that never repeats a value that could be secret.</summary>
[DebuggerDisplay("{Field,nq}: {Message,nq}")]
public sealed class ValidationFailure
{
    /// <summary>Creates a failure.</summary>
    public ValidationFailure(string field, string ruleName, string message, JobRule rule = JobRule.None)
    {
        Field = field;
        RuleName = ruleName;
        Message = message;
        Rule = rule;
    }

    /// <summary>The API's name of the field (<c>job_name</c>, <c>arguments</c>, …).</summary>
    public string Field { get; }

    /// <summary>A stable name for the rule, used in error ids (<c>JobName</c>, <c>ClusterId</c>, …).</summary>
    public string RuleName { get; }

    /// <summary>What is wrong, for a person.</summary>
    public string Message { get; }

    /// <summary>The skippable rule this failure belongs to; <see cref="JobRule.None"/> when it cannot be skipped.</summary>
    public JobRule Rule { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
