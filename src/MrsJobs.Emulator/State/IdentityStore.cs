using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace MrsJobs.Emulator.State;

/// <summary>Accounts, users, projects and issued tokens. Thread-safe.</summary>
public sealed class IdentityStore
{
    private static readonly string[] NewAccountRegions = { SeedData.CnNorth4ProjectName, SeedData.ApSoutheast1ProjectName };

    private readonly object gate = new();
    private readonly TimeProvider time;
    private readonly List<EmulatorDomain> domains = new();
    private readonly List<EmulatorUser> users = new();
    private readonly List<EmulatorProject> projects = new();
    private readonly Dictionary<string, IssuedToken> tokens = new(StringComparer.Ordinal);

    internal IdentityStore(TimeProvider time) => this.time = time;

    /// <summary>Finds an account by name or id (either may be <see langword="null"/>).</summary>
    /// <param name="name">The account name.</param>
    /// <param name="id">The account id.</param>
    /// <returns>The account, or <see langword="null"/> when none matches every given value.</returns>
    public EmulatorDomain? FindDomain(string? name, string? id)
    {
        if (name is null && id is null)
        {
            return null;
        }

        lock (gate)
        {
            return domains.FirstOrDefault(d => (name is null || d.Name == name) && (id is null || d.Id == id));
        }
    }

    /// <summary>Finds a user of an account by name.</summary>
    /// <param name="domainId">The account id.</param>
    /// <param name="userName">The user name.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    public EmulatorUser? FindUser(string domainId, string userName)
    {
        lock (gate)
        {
            return users.FirstOrDefault(u => u.DomainId == domainId && u.Name == userName);
        }
    }

    /// <summary>Finds a project of an account by name, id or both.</summary>
    /// <param name="domainId">The account id.</param>
    /// <param name="name">The project name, or <see langword="null"/>.</param>
    /// <param name="id">The project id, or <see langword="null"/>.</param>
    /// <returns>The project, or <see langword="null"/> when none matches every given value.</returns>
    public EmulatorProject? FindProject(string domainId, string? name, string? id)
    {
        if (name is null && id is null)
        {
            return null;
        }

        lock (gate)
        {
            return projects.FirstOrDefault(p =>
                p.DomainId == domainId && (name is null || p.Name == name) && (id is null || p.Id == id));
        }
    }

    /// <summary>Lists the projects of an account, in creation order.</summary>
    /// <param name="domainId">The account id.</param>
    /// <returns>The projects.</returns>
    public IReadOnlyList<EmulatorProject> GetProjects(string domainId)
    {
        lock (gate)
        {
            return projects.Where(p => p.DomainId == domainId).ToArray();
        }
    }

    /// <summary>
    /// Adds a user, or replaces the password of an existing one. An unknown account is created with
    /// the projects <c>cn-north-4</c> and <c>ap-southeast-1</c> under fresh ids.
    /// </summary>
    /// <param name="domainName">The account name.</param>
    /// <param name="userName">The user name.</param>
    /// <param name="password">The password.</param>
    /// <returns>The stored user.</returns>
    public EmulatorUser AddUser(string domainName, string userName, string password)
    {
        lock (gate)
        {
            var domain = domains.FirstOrDefault(d => d.Name == domainName);
            if (domain is null)
            {
                domain = AddDomain(domainName, NewId());
                foreach (var region in NewAccountRegions)
                {
                    AddProject(new EmulatorProject(NewId(), region, domain.Id));
                }
            }

            var existing = users.FirstOrDefault(u => u.DomainId == domain.Id && u.Name == userName);
            return PutUser(new EmulatorUser(existing?.Id ?? NewId(), userName, password, domain.Id));
        }
    }

    /// <summary>Issues a token scoped to a project, valid for <paramref name="lifetime"/> from now.</summary>
    /// <param name="user">The user.</param>
    /// <param name="project">The project; it must belong to the user's account.</param>
    /// <param name="lifetime">How long the token lives; zero or negative gives an already-expired token.</param>
    /// <returns>The token.</returns>
    public IssuedToken IssueToken(EmulatorUser user, EmulatorProject project, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(project);
        lock (gate)
        {
            var domain = domains.First(d => d.Id == user.DomainId);
            if (project.DomainId != domain.Id)
            {
                throw new ArgumentException($"Project {project.Id} does not belong to account {domain.Name}.", nameof(project));
            }

            // Real IAM timestamps carry milliseconds only.
            var now = time.GetUtcNow();
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
            var token = new IssuedToken(NewTokenText(), user, domain, project, now, now + lifetime);
            tokens[token.Token] = token;
            return token;
        }
    }

    /// <summary>Finds an issued token, expired or not.</summary>
    /// <param name="token">The token text.</param>
    /// <returns>The token, or <see langword="null"/> when the emulator never issued it (or was reset since).</returns>
    public IssuedToken? FindToken(string token)
    {
        lock (gate)
        {
            return tokens.TryGetValue(token, out var found) ? found : null;
        }
    }

    internal EmulatorDomain AddDomain(string name, string id)
    {
        lock (gate)
        {
            var domain = new EmulatorDomain(id, name);
            domains.Add(domain);
            return domain;
        }
    }

    internal void AddProject(EmulatorProject project)
    {
        lock (gate)
        {
            projects.Add(project);
        }
    }

    internal EmulatorUser PutUser(EmulatorUser user)
    {
        lock (gate)
        {
            users.RemoveAll(u => u.DomainId == user.DomainId && u.Name == user.Name);
            users.Add(user);
            return user;
        }
    }

    internal void Clear()
    {
        lock (gate)
        {
            domains.Clear();
            users.Clear();
            projects.Clear();
            tokens.Clear();
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static string NewTokenText()
    {
        // Real tokens are long PKI blobs starting with "MII"; only their opacity matters here.
        var bytes = RandomNumberGenerator.GetBytes(768);
        return "MII" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
