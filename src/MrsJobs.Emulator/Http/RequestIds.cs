using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MrsJobs.Emulator.Http;

/// <summary>Gives every request a 32-hex id, sent back in the <c>X-Request-Id</c> response header.</summary>
internal static class RequestIds
{
    public const string HeaderName = "X-Request-Id";

    private static readonly object ItemKey = new();

    /// <summary>The id of the current request (made on first use).</summary>
    public static string Get(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var value) && value is string id)
        {
            return id;
        }

        id = Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        return id;
    }

    /// <summary>Middleware that stamps the header on every response before anything is written.</summary>
    public static Task StampAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers[HeaderName] = Get(context);
        return next(context);
    }
}
