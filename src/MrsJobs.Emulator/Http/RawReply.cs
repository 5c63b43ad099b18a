using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MrsJobs.Emulator.Http;

/// <summary>
/// A response written byte for byte as given, with its own content type and a matching <c>Content-Length</c>:
/// for answers that are deliberately not well-formed JSON (a gateway's HTML page, a cut-off body).
/// </summary>
internal sealed class RawReply : IResult
{
    private readonly int status;
    private readonly string contentType;
    private readonly byte[] body;

    public RawReply(int status, string contentType, string text)
    {
        this.status = status;
        this.contentType = contentType;
        body = Encoding.UTF8.GetBytes(text);
    }

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
