using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Tests.Support;

/// <summary>One real emulator on a free loopback port, shared by every test class of the collection.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    /// <summary>The running server.</summary>
    public EmulatorServer Server { get; private set; } = null!;

    /// <summary>A plain client for the control API (<c>/_emulator/…</c>) only.</summary>
    public HttpClient Control { get; private set; } = null!;

    /// <summary>The server's state.</summary>
    public EmulatorState State => Server.State;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync();
        Control = new HttpClient { BaseAddress = Server.BaseAddress };
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>The test classes that share <see cref="EmulatorFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Emulator";
}
