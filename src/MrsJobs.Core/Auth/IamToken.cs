using System;

namespace MrsJobs.Core.Auth;

/// <summary>A project-scoped IAM token and what IAM said about it. The token text is internal.</summary>
internal sealed class IamToken
{
    public IamToken(string token, DateTimeOffset expiresAt, string projectId, string? projectName)
    {
        Token = token;
        ExpiresAt = expiresAt;
        ProjectId = projectId;
        ProjectName = projectName;
    }

    public string Token { get; }

    public DateTimeOffset ExpiresAt { get; }

    public string ProjectId { get; }

    public string? ProjectName { get; }

    public override string ToString() => $"IAM token for project {ProjectName ?? ProjectId}, expires {ExpiresAt:u}";
}
