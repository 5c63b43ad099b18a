using System;
using System.Collections.Generic;
using System.IO;
using MrsJobs.Core.Credentials;
using MrsJobs.Core.Regions;
using MrsJobs.Tests.Credentials;

namespace MrsJobs.Tests.Regions;

/// <summary>A temporary home with an optional regions file, and a made-up environment, for <see cref="EndpointChain"/> tests.</summary>
internal sealed class ChainFixture : IDisposable
{
    private readonly TempHome _home = new();
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);

    public string RegionsFile => Path.Combine(_home.Directory, ".huaweicloud", "regions.yaml");

    public ChainFixture Set(string name, string? value)
    {
        _variables[name] = value;
        return this;
    }

    public ChainFixture WriteRegions(string yaml, string? path = null)
    {
        _home.Write(yaml, path: path ?? RegionsFile);
        return this;
    }

    public EndpointChain Chain() => new(name => _variables.TryGetValue(name, out var value) ? value : null, () => _home.Directory);

    public SessionEndpoints Resolve(string? region, Uri? endpoint = null, Uri? iamEndpoint = null) =>
        Chain().Resolve(new EndpointQuery(region, endpoint, iamEndpoint));

    public static AccessKeyCredentials Keys(CredentialSourceKind kind, Uri? iamEndpoint) => new(
        CredentialFixtures.Secure(CredentialFixtures.FileAk),
        CredentialFixtures.Secure(CredentialFixtures.FileSk),
        null,
        "project",
        null,
        iamEndpoint,
        kind,
        kind == CredentialSourceKind.ProfileFile ? "profile file /home/u/.huaweicloud/credentials [basic]" : "somewhere");

    public void Dispose() => _home.Dispose();
}
