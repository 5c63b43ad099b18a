using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Iam;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Control;

/// <summary><c>POST /_emulator/users</c>, <c>POST /_emulator/projects</c> and <c>POST /_emulator/tokens</c>.</summary>
internal static class IdentityControl
{
    public static async Task<IResult> AddUserAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<UserBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (string.IsNullOrEmpty(body.Domain) || string.IsNullOrEmpty(body.Name) || string.IsNullOrEmpty(body.Password))
        {
            return ControlJson.BadRequest("domain, name and password are required.");
        }

        var user = state.Identity.AddUser(body.Domain, body.Name, body.Password);
        return ControlJson.Ok(new { user.Id, user.Name, user.DomainId, Domain = body.Domain }, StatusCodes.Status201Created);
    }

    public static async Task<IResult> AddProjectAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<ProjectBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (string.IsNullOrEmpty(body.Domain) || string.IsNullOrEmpty(body.Name))
        {
            return ControlJson.BadRequest("domain and name are required.");
        }

        var domain = state.Identity.FindDomain(body.Domain, null);
        if (domain is null)
        {
            return ControlJson.BadRequest($"No account {body.Domain} (POST /_emulator/users creates one).");
        }

        var existing = state.Identity.FindProject(domain.Id, body.Name, null);
        var project = existing ?? new EmulatorProject(Guid.NewGuid().ToString("N"), body.Name, domain.Id);
        if (existing is null)
        {
            state.Identity.AddProject(project);
        }

        return ControlJson.Ok(new { project.Id, project.Name, project.DomainId }, existing is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public static async Task<IResult> IssueTokenAsync(HttpRequest request, EmulatorState state)
    {
        var (body, failure) = await ControlJson.ReadAsync<TokenBody>(request).ConfigureAwait(false);
        if (body is null)
        {
            return failure!;
        }

        if (string.IsNullOrEmpty(body.User) || string.IsNullOrEmpty(body.ProjectId))
        {
            return ControlJson.BadRequest("user and project_id are required (domain defaults to demo-account).");
        }

        var domain = state.Identity.FindDomain(body.Domain ?? SeedData.DomainName, null);
        var user = domain is null ? null : state.Identity.FindUser(domain.Id, body.User);
        if (domain is null || user is null)
        {
            return ControlJson.BadRequest($"No user {body.User} in account {body.Domain ?? SeedData.DomainName}.");
        }

        var project = state.Identity.FindProject(domain.Id, null, body.ProjectId);
        if (project is null)
        {
            return ControlJson.BadRequest($"No project {body.ProjectId} in account {domain.Name}.");
        }

        var lifetime = body.LifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : state.Settings.TokenLifetime;
        var token = state.Identity.IssueToken(user, project, lifetime);
        return ControlJson.Ok(new TokenView(token.Token, IamTime.Format(token.ExpiresAt)), StatusCodes.Status201Created);
    }
}
