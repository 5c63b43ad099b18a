using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MrsJobs.Emulator.Http;
using MrsJobs.Emulator.State;

namespace MrsJobs.Emulator.Iam;

/// <summary>
/// Checks an SDK-HMAC-SHA256 signature as the API gateway does, for IAM and MRS routes alike: a known,
/// unlocked AK; <c>host</c> and <c>x-sdk-date</c> signed; <c>X-Sdk-Date</c> within 15 minutes of the
/// emulator's clock; a temporary key's <c>X-Security-Token</c>, and its expiry (the gateway's documented
/// "token expires, expires_at: …"); and the recomputed signature. Every refusal is 401 APIGW.0301. Only wrong
/// signatures count towards the lockout.
/// </summary>
internal static class SignatureValidator
{
    public const string SignatureFail = "Incorrect IAM authentication information: verify aksk signature fail";
    public const string Locked = "Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.";
    public const string SecurityTokenFail = "Incorrect IAM authentication information: verify aksk signature fail, the security token is missing or wrong";

    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The key pair that signed the request, or <see langword="null"/> with the gateway's answer.</summary>
    public static async Task<(EmulatorAccessKey? Key, IResult? Failure)> ValidateAsync(HttpContext context, EmulatorState state)
    {
        var request = context.Request;
        var authorization = AkSkAuthorization.Parse(request.Headers.Authorization.ToString());
        if (authorization is null)
        {
            return Fail(context, SignatureFail);
        }

        var key = state.AccessKeys.Find(authorization.AccessKey);
        if (key is null)
        {
            return Fail(context, $"Incorrect IAM authentication information: Get secretKey failed,ak:{authorization.AccessKey},err:ak not exist");
        }

        var now = state.Time.GetUtcNow();
        if (state.AccessKeys.IsLocked(key.AccessKey, now))
        {
            return Fail(context, Locked);
        }

        var signed = authorization.SignedHeaders.Select(h => h.ToLowerInvariant()).ToArray();
        var dateText = request.Headers["X-Sdk-Date"].ToString();
        if (!signed.Contains("host") || !signed.Contains("x-sdk-date")
            || !DateTimeOffset.TryParseExact(dateText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return Refuse(context, state, key);
        }

        if ((now - signedAt).Duration() > AllowedSkew)
        {
            return Fail(context, $"Incorrect IAM authentication information: signature expired, signature time:{dateText},server time:{now.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)}");
        }

        if (key.IsTemporary && request.Headers["X-Security-Token"].ToString() != key.SecurityToken)
        {
            return Fail(context, SecurityTokenFail);
        }

        if (key.IsExpiredAt(now))
        {
            return Fail(context, $"Incorrect IAM authentication information: token expires, expires_at: {IamTime.Format(key.ExpiresAt!.Value)}");
        }

        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        var expected = CanonicalRequest.ExpectedSignature(request, authorization.SignedHeaders, body, dateText, key.SecretKey);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            return Refuse(context, state, key);
        }

        state.AccessKeys.RecordSuccess(key.AccessKey);
        return (key, null);
    }

    private static (EmulatorAccessKey?, IResult?) Refuse(HttpContext context, EmulatorState state, EmulatorAccessKey key)
    {
        state.AccessKeys.RecordFailure(key.AccessKey, state.Time.GetUtcNow());
        return Fail(context, SignatureFail);
    }

    private static (EmulatorAccessKey?, IResult?) Fail(HttpContext context, string message) =>
        (null, GatewayErrors.Apig(context, StatusCodes.Status401Unauthorized, "APIGW.0301", message));

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return copy.ToArray();
    }
}
