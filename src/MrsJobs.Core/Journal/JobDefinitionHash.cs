using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace MrsJobs.Core.Journal;

/// <summary>
/// Identifies a row's job without recording it: a lowercase hex SHA-256 of an unambiguous encoding of the cluster,
/// the job type, the name, the arguments and the properties. A journal stores only this hash, never argument or
/// property values, which may hold secrets.
/// </summary>
/// <remarks>
/// The encoding starts with a version tag; then every count and every text is a netstring
/// (<c>&lt;UTF-8 byte length&gt;:&lt;bytes&gt;,</c>), with <c>~,</c> for a null text. So <c>["a b"]</c> and
/// <c>["a","b"]</c>, or an argument moved into a property, give different hashes. Arguments and properties are
/// hashed in the order given; texts are compared exactly (the caller normalises the job type's spelling).
/// </remarks>
internal static class JobDefinitionHash
{
    private const string EncodingTag = "MrsJobs.JobDefinition.v1";

    /// <summary>Computes the hash of one job definition.</summary>
    /// <returns>64 lowercase hexadecimal characters.</returns>
    public static string Compute(
        string clusterId,
        string jobType,
        string jobName,
        IReadOnlyList<string> arguments,
        IReadOnlyList<KeyValuePair<string, string>> properties)
    {
        if (arguments is null)
        {
            throw new ArgumentNullException(nameof(arguments));
        }

        if (properties is null)
        {
            throw new ArgumentNullException(nameof(properties));
        }

        using var encoded = new MemoryStream();
        Append(encoded, EncodingTag);
        Append(encoded, clusterId);
        Append(encoded, jobType);
        Append(encoded, jobName);
        Append(encoded, arguments.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in arguments)
        {
            Append(encoded, argument);
        }

        Append(encoded, properties.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var property in properties)
        {
            Append(encoded, property.Key);
            Append(encoded, property.Value);
        }

        using var sha = SHA256.Create();
        return ToLowerHex(sha.ComputeHash(encoded.GetBuffer(), 0, (int)encoded.Length));
    }

    private static void Append(MemoryStream encoded, string? text)
    {
        if (text is null)
        {
            encoded.WriteByte((byte)'~');
        }
        else
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var length = Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":");
            encoded.Write(length, 0, length.Length);
            encoded.Write(bytes, 0, bytes.Length);
        }

        encoded.WriteByte((byte)',');
    }

    private static string ToLowerHex(byte[] bytes)
    {
        var hex = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
