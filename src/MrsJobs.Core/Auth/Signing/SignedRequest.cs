using System.Diagnostics;

namespace MrsJobs.Core.Auth.Signing;

/// <summary>What <see cref="SdkHmacSigner"/> computed for one request: the texts it hashed and the header to send.</summary>
/// <param name="CanonicalRequest">Method, canonical URI, query, headers, signed-header list and payload hash, joined by newlines.</param>
/// <param name="StringToSign"><c>SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex SHA-256 of the canonical request}</c>.</param>
/// <param name="SignedHeaders">The lower-case header names, sorted, joined by <c>;</c>.</param>
/// <param name="Signature">The hex HMAC-SHA256 of the string to sign.</param>
/// <param name="Authorization">The <c>Authorization</c> header value.</param>
[DebuggerDisplay("{SignedHeaders,nq}")]
internal sealed record SignedRequest(string CanonicalRequest, string StringToSign, string SignedHeaders, string Signature, string Authorization)
{
    /// <summary>The signed header list; never the signature (it is a credential for as long as the date is fresh).</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{SdkHmacSigner.Algorithm} signature over {SignedHeaders}";
}
