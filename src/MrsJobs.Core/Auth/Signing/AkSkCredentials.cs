using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace MrsJobs.Core.Auth.Signing;

/// <summary>
/// An access key pair: the AK, the SK kept as a read-only <see cref="SecureString"/>, and for temporary
/// credentials the security token. The SK becomes bytes only inside <see cref="UseSecretKey{T}"/>, which clears them.
/// </summary>
internal sealed class AkSkCredentials : IDisposable
{
    private readonly SecureString _secretKey;

    /// <summary>Creates credentials.</summary>
    /// <param name="accessKey">The access key (AK).</param>
    /// <param name="secretKey">The secret key (SK); copied, so the caller may dispose its own.</param>
    /// <param name="securityToken">The security token of temporary credentials, or <c>null</c> for a permanent pair.</param>
    /// <exception cref="ArgumentException">The AK or the SK is empty.</exception>
    public AkSkCredentials(string accessKey, SecureString secretKey, string? securityToken = null)
    {
        if (string.IsNullOrWhiteSpace(accessKey))
        {
            throw new ArgumentException("The access key is empty.", nameof(accessKey));
        }

        if (secretKey is null || secretKey.Length == 0)
        {
            throw new ArgumentException("The secret key is empty.", nameof(secretKey));
        }

        AccessKey = accessKey.Trim();
        _secretKey = secretKey.Copy();
        _secretKey.MakeReadOnly();
        SecurityToken = string.IsNullOrWhiteSpace(securityToken) ? null : securityToken!.Trim();
    }

    /// <summary>The access key (AK); not a secret on its own, and shown in the <c>Authorization</c> header.</summary>
    public string AccessKey { get; }

    /// <summary>The security token of temporary credentials, or <c>null</c>.</summary>
    public string? SecurityToken { get; }

    /// <summary><c>true</c> for temporary credentials (they carry a security token).</summary>
    public bool IsTemporary => SecurityToken is not null;

    /// <summary>Runs <paramref name="use"/> with the SK as UTF-8 bytes, and clears every copy made here afterwards.</summary>
    /// <typeparam name="T">What <paramref name="use"/> returns.</typeparam>
    /// <param name="use">Uses the bytes; must not keep them.</param>
    /// <returns>What <paramref name="use"/> returned.</returns>
    public T UseSecretKey<T>(Func<byte[], T> use)
    {
        if (use is null)
        {
            throw new ArgumentNullException(nameof(use));
        }

        var pointer = IntPtr.Zero;
        var chars = new char[_secretKey.Length];
        byte[]? bytes = null;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(_secretKey);
            Marshal.Copy(pointer, chars, 0, chars.Length);
            bytes = Encoding.UTF8.GetBytes(chars);
            return use(bytes);
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
            if (bytes is not null)
            {
                Array.Clear(bytes, 0, bytes.Length);
            }

            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    /// <summary>Clears the SK.</summary>
    public void Dispose() => _secretKey.Dispose();

    /// <summary>The AK and whether the pair is temporary; never the SK or the token.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{(IsTemporary ? "temporary" : "permanent")} access key {AccessKey}";
}
