using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Iam;

/// <summary>
/// <c>GET /v3/auth/tokens</c> (KeystoneValidateToken) and its body-less twin <c>HEAD /v3/auth/tokens</c>:
/// the caller's <c>X-Auth-Token</c> is checked as the gateway does (<see cref="TokenValidator"/>); then the
/// <c>X-Subject-Token</c> must be a live token (else 404) of the caller's own user (else 403, since the
/// emulator has no Security Administrator); the answer is 200 with the token body and the subject echoed.
/// </summary>
internal static class TokenCheckEndpoint
{
    public static IResult Handle(HttpContext context, EmulatorState state)
    {
        var reply = Check(context, state);
        return HttpMethods.IsHead(context.Request.Method) ? new BodylessResult(reply) : reply;
    }

    private static IResult Check(HttpContext context, EmulatorState state)
    {
        var caller = TokenValidator.Validate(context, state, out var failure);
        if (caller is null)
        {
            return failure!;
        }

        var text = context.Request.Headers[TokenEndpoint.SubjectTokenHeader].ToString();
        var subject = text.Length == 0 ? null : state.Identity.FindToken(text);
        if (subject is null || subject.IsExpiredAt(state.Time.GetUtcNow()))
        {
            return IamErrors.NotFound(IamErrors.InvalidSubjectToken);
        }

        if (subject.User.Id != caller.User.Id || subject.Domain.Id != caller.Domain.Id)
        {
            return IamErrors.Forbidden(IamErrors.NotAuthorized);
        }

        // Documented: any non-empty nocatalog value leaves the catalog out.
        var omitCatalog = context.Request.Query["nocatalog"].ToString().Length > 0;
        return JsonReply.Create(StatusCodes.Status200OK, TokenEndpoint.Describe(subject, omitCatalog))
            .WithHeader(TokenEndpoint.SubjectTokenHeader, subject.Token);
    }

    /// <summary>Runs a reply for its status and headers only, as a HEAD answer must.</summary>
    private sealed class BodylessResult : IResult
    {
        private readonly IResult inner;

        public BodylessResult(IResult inner) => this.inner = inner;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var body = httpContext.Response.Body;
            httpContext.Response.Body = Stream.Null;
            try
            {
                await inner.ExecuteAsync(httpContext).ConfigureAwait(false);
            }
            finally
            {
                httpContext.Response.Body = body;
            }
        }
    }
}
