using System;
using System.IO;
using MrsJobs.Core.Credentials;

namespace MrsJobs.Core.Auth.Federation;

/// <summary>
/// Reads the ID token from its file, at every exchange, as the SDKs do (Go <c>basic_icredential.go</c>
/// <c>getIdToken</c>, Python <c>credentials.py</c> <c>_get_id_token</c>): an issuer that rotates the file's token
/// (a Kubernetes projected service account token, a CI job's OIDC token) is followed. The token never appears in
/// a message; surrounding whitespace (a final newline) is dropped, since no JWT contains any.
/// </summary>
internal static class IdTokenFile
{
    /// <summary>The token in <paramref name="path"/>.</summary>
    /// <exception cref="CredentialsException">The file is missing, unreadable (<see cref="CredentialsProblem.UnreadableFile"/>) or empty (<see cref="CredentialsProblem.InvalidValue"/>).</exception>
    public static string Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Unreadable(path, "it does not exist", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw Unreadable(path, Directory.Exists(path) ? "it is a folder, not a file" : "access is denied", ex);
        }
        catch (IOException ex)
        {
            throw Unreadable(path, ex.GetType().Name, ex);
        }

        var token = text.Trim();
        return token.Length > 0
            ? token
            : throw new CredentialsException($"ID token file '{path}' is empty.", CredentialsProblem.InvalidValue, path, advice: "Write the identity provider's ID token (a JWT) into the file, or point the setting at the file its issuer keeps up to date.");
    }

    private static CredentialsException Unreadable(string path, string reason, Exception inner) =>
        new($"ID token file '{path}' could not be read: {reason}.", CredentialsProblem.UnreadableFile, path, innerException: inner);
}
