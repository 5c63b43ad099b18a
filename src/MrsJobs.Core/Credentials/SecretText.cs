using System.Net;
using System.Security;

namespace MrsJobs.Core.Credentials;

/// <summary>Moves secrets between plain text and <see cref="SecureString"/>, in one place.</summary>
internal static class SecretText
{
    /// <summary>A read-only <see cref="SecureString"/> holding <paramref name="text"/>.</summary>
    public static SecureString Protect(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>The plain text of a secret, for the moment it is needed (signing, a hint).</summary>
    public static string Reveal(SecureString secure) => new NetworkCredential(string.Empty, secure).Password;

    /// <summary><c>true</c> for a secret that holds something.</summary>
    public static bool IsGiven(SecureString? secure) => secure is { Length: > 0 };
}
