using System.Net.Http;
using System.Threading.Tasks;
using MrsJobs.Emulator.State;
using Xunit;

namespace MrsJobs.Emulator.Tests;

/// <summary>One real emulator on a free loopback port, shared by every test class of the collection.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    /// <summary>The running server.</summary>
    public EmulatorServer Server { get; private set; } = null!;

    /// <summary>A client whose base address is the server's.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The server's clock: the system clock unless a test freezes it.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>The server's state.</summary>
    public EmulatorState State => Server.State;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { TimeProvider = Clock });
        Http = new HttpClient { BaseAddress = Server.BaseAddress };
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>
/// The test classes that share <see cref="EmulatorFixture"/>. They run one after another, and each
/// test starts from the seeded state (see <see cref="EmulatorTest"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Emulator";
}
