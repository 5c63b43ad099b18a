using System;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;

namespace MrsJobs.Emulator.Mrs;

/// <summary>Bodies must be <c>application/json</c>, optionally with <c>charset=utf-8</c> and nothing else.</summary>
internal static class ContentTypeRule
{
    /// <summary>415 12000002 naming the content type, or <see langword="null"/> when it is accepted.</summary>
    public static JsonReply? Check(HttpRequest request) => Accepts(request.ContentType)
        ? null
        : GatewayErrors.Canonical(
            StatusCodes.Status415UnsupportedMediaType,
            MrsErrors.InvalidParameterCode,
            $"Unsupported Content-Type '{request.ContentType}': send application/json; charset=utf-8");

    public static bool Accepts(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        if (!string.Equals(parsed.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var parameter in parsed.Parameters)
        {
            var isUtf8Charset = string.Equals(parameter.Name, "charset", StringComparison.OrdinalIgnoreCase)
                && string.Equals(parameter.Value?.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase);
            if (!isUtf8Charset)
            {
                return false;
            }
        }

        return true;
    }
}
