using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using MrsJobs.Core.Security;

namespace MrsJobs.Core.Http;

/// <summary>Turns requests and answers into redacted trace lines.</summary>
internal static class HttpTraceFormatter
{
    public static string Request(HttpRequestMessage request, string? body)
    {
        var text = new StringBuilder();
        text.Append("HTTP request ").Append(request.Method).Append(' ').Append(request.RequestUri).AppendLine();
        AppendHeaders(text, request.Headers);
        if (request.Content is not null)
        {
            AppendHeaders(text, request.Content.Headers);
        }

        if (!string.IsNullOrEmpty(body))
        {
            text.Append(Redactor.Json(body));
        }

        return text.ToString().TrimEnd();
    }

    public static string Response(HttpResponseMessage response, string body, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.Append("HTTP response ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase)
            .Append(" in ").Append((int)elapsed.TotalMilliseconds).Append(" ms").AppendLine();
        AppendHeaders(text, response.Headers);
        AppendHeaders(text, response.Content.Headers);
        if (!string.IsNullOrEmpty(body))
        {
            text.Append(Redactor.Json(body));
        }

        return text.ToString().TrimEnd();
    }

    // User-Agent and Server list product tokens separated by spaces, other headers by commas.
    private static string Separator(string header) =>
        header.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) || header.Equals("Server", StringComparison.OrdinalIgnoreCase) ? " " : ", ";

    private static void AppendHeaders(StringBuilder text, HttpHeaders headers)
    {
        foreach (KeyValuePair<string, IEnumerable<string>> header in headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("  ").Append(header.Key).Append(": ")
                .Append(Redactor.HeaderValue(header.Key, string.Join(Separator(header.Key), header.Value))).AppendLine();
        }
    }
}
