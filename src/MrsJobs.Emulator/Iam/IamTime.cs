using System;
using System.Globalization;

namespace MrsJobs.Emulator.Iam;

/// <summary>IAM's timestamp format: UTC with six fraction digits and a <c>Z</c>, e.g. <c>2020-01-04T09:05:22.701000Z</c>.</summary>
internal static class IamTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
