using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Iam;

/// <summary>Who a request authenticated as: by token (scoped to its project) or by access key (no scope of its own).</summary>
internal sealed record GatewayCaller(EmulatorUser User, string DomainId, IssuedToken? Token, EmulatorAccessKey? AccessKey);

/// <summary>
/// The gateway's choice between the two ways in: an <c>Authorization: SDK-HMAC-SHA256 …</c> header is
/// checked by <see cref="SignatureValidator"/>, anything else by <see cref="TokenValidator"/> (<c>X-Auth-Token</c>).
/// </summary>
internal static class GatewayAuthenticator
{
    public static async Task<(GatewayCaller? Caller, IResult? Failure)> AuthenticateAsync(HttpContext context, EmulatorState state)
    {
        if (AkSkAuthorization.IsPresent(context.Request.Headers.Authorization.ToString()))
        {
            var (key, failure) = await SignatureValidator.ValidateAsync(context, state).ConfigureAwait(false);
            return key is null ? (null, failure) : (new GatewayCaller(key.User, key.User.DomainId, null, key), null);
        }

        var token = TokenValidator.Validate(context, state, out var tokenFailure);
        return token is null ? (null, tokenFailure) : (new GatewayCaller(token.User, token.Domain.Id, token, null), null);
    }
}
