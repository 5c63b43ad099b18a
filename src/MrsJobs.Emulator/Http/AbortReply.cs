using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MrsJobs.Emulator.Http;

/// <summary>No answer at all: the connection is aborted (<see cref="HttpContext.Abort"/>), as when a gateway or the network drops it.</summary>
internal sealed class AbortReply : IResult
{
    public static readonly AbortReply Instance = new();

    private static readonly object DroppedKey = new();

    private AbortReply()
    {
    }

    /// <summary>Whether this reply dropped the request's connection.</summary>
    public static bool Dropped(HttpContext context) => context.Items.ContainsKey(DroppedKey);

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Items[DroppedKey] = true;
        httpContext.Abort();
        return Task.CompletedTask;
    }
}
