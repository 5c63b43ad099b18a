using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MrsJobs.Emulator.ForwardProxy;

/// <summary>
/// The HTTPS listener's certificate: self-signed, made at start-up for made-up host names (which do
/// not resolve, so only a proxy can reach them) and written as PEM for the tests to trust
/// (<c>SSL_CERT_FILE</c>). It lives two days and is never reused.
/// </summary>
internal static class TestCertificate
{
    /// <summary>The host names the certificate is for unless others are given.</summary>
    public static readonly string[] DefaultHostNames = { "mrs.proxy-test.invalid", "iam.proxy-test.invalid" };

    /// <summary>Makes the certificate (with its private key) for <paramref name="hostNames"/>.</summary>
    public static X509Certificate2 Create(string[] hostNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hostNames[0]}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in hostNames)
        {
            names.AddDnsName(name);
        }

        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, critical: false));
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));

        // Through PKCS#12 so that the key is usable by SslStream on every platform (an ephemeral key is not on Windows).
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes the certificate alone (no key) as PEM, replacing the file in one step.</summary>
    public static void WritePem(X509Certificate2 certificate, string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, certificate.ExportCertificatePem() + "\n");
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Splits a comma-separated list of host names; the defaults when empty.</summary>
    public static string[] ParseHostNames(string? text)
    {
        var names = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Any(n => Uri.CheckHostName(n) != UriHostNameType.Dns))
        {
            throw new ArgumentException($"'{text}' is not a comma-separated list of host names.");
        }

        return names.Length == 0 ? DefaultHostNames : names;
    }
}
