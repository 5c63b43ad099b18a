using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MrsJobs.Core.Auth.Signing;
using Xunit;

namespace MrsJobs.Tests.Auth.Signing;

/// <summary><see cref="SdkHmacSigner"/> against the requests Huawei's Node.js SDK signed.</summary>
public class SdkHmacSignerTests
{
    public class TheSignMethod
    {
        [Theory]
        [MemberData(nameof(SigningVector.Names), MemberType = typeof(SigningVector))]
        public void ProducesTheSdksCanonicalRequestAndAuthorization(string name)
        {
            var vector = SigningVector.Named(name);

            var signed = Sign(vector);

            if (vector.SdkPathAutoEscaped)
            {
                // Node's url.parse escapes a space before the SDK encodes the path again (%2520); the gateway's
                // own signer unescapes first, and so do we: the only difference is that one double encoding.
                Assert.Equal(vector.CanonicalRequest.Replace("%2520", "%20"), signed.CanonicalRequest);
                Assert.NotEqual(vector.Authorization, signed.Authorization);
                return;
            }

            Assert.Equal(vector.CanonicalRequest, signed.CanonicalRequest);
            Assert.Equal(vector.StringToSign, signed.StringToSign);
            Assert.Equal(vector.Authorization, signed.Authorization);
        }

        [Fact]
        public void EveryVectorSetHasTheCasesTheBriefAskedFor()
        {
            var all = SigningVector.All;
            Assert.True(all.Count >= 25);
            Assert.Contains(all, v => v.SecurityToken is not null);
            Assert.Contains(all, v => v.ProjectId is null);
            Assert.Contains(all, v => v.Body is not null && v.Body.Any(c => c > 127));
            Assert.Contains(all, v => v.Query.Values.Any(q => q.ValueKind == System.Text.Json.JsonValueKind.Array));
        }

        [Fact]
        public void AddsHostFromTheUriWhenNotGiven()
        {
            var signed = SdkHmacSigner.Sign("get", new Uri("http://127.0.0.1:5080/v3/projects?name=cn-north-4"), Array.Empty<KeyValuePair<string, string>>(), null, "AK", Key, Date);

            Assert.Equal("host;x-sdk-date", signed.SignedHeaders);
            Assert.StartsWith("GET\n/v3/projects/\nname=cn-north-4\nhost:127.0.0.1:5080\nx-sdk-date:20260104T090522Z\n\n", signed.CanonicalRequest);
        }

        [Fact]
        public void LowerCasesSortsAndTrimsHeaders()
        {
            var headers = new Dictionary<string, string> { ["X-Project-Id"] = "  p1 ", ["Content-Type"] = "application/json", ["HOST"] = "h.example.com" };

            var signed = SdkHmacSigner.Sign("POST", new Uri("https://h.example.com/x"), headers, Encoding.UTF8.GetBytes("{}"), "AK", Key, Date);

            Assert.Equal("content-type;host;x-project-id;x-sdk-date", signed.SignedHeaders);
            Assert.Contains("content-type:application/json\nhost:h.example.com\nx-project-id:p1\nx-sdk-date:20260104T090522Z\n\n", signed.CanonicalRequest);
        }

        [Fact]
        public void HashesTheBodyBytesAndAnEmptyBodyAsTheEmptyHash()
        {
            var none = SdkHmacSigner.Sign("GET", new Uri("https://h/x"), NoHeaders, null, "AK", Key, Date);
            var body = SdkHmacSigner.Sign("POST", new Uri("https://h/x"), NoHeaders, Encoding.UTF8.GetBytes("{}"), "AK", Key, Date);

            Assert.EndsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", none.CanonicalRequest);
            Assert.EndsWith("\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", body.CanonicalRequest);
        }

        [Fact]
        public void TheDateHeaderAlwaysComesFromTheTimestamp()
        {
            var headers = new Dictionary<string, string> { ["X-Sdk-Date"] = "19990101T000000Z" };

            var signed = SdkHmacSigner.Sign("GET", new Uri("https://h/x"), headers, null, "AK", Key, new DateTimeOffset(2026, 1, 4, 17, 5, 22, TimeSpan.FromHours(8)));

            Assert.Contains("x-sdk-date:20260104T090522Z\n", signed.CanonicalRequest);
            Assert.StartsWith("SDK-HMAC-SHA256\n20260104T090522Z\n", signed.StringToSign);
        }

        [Fact]
        public void RefusesARepeatedHeaderName()
        {
            var headers = new[] { new KeyValuePair<string, string>("X-A", "1"), new KeyValuePair<string, string>("x-a", "2") };

            Assert.Throws<ArgumentException>(() => SdkHmacSigner.Sign("GET", new Uri("https://h/x"), headers, null, "AK", Key, Date));
        }

        [Fact]
        public void NeverShowsTheSignatureInToString()
        {
            var signed = SdkHmacSigner.Sign("GET", new Uri("https://h/x"), NoHeaders, null, "AK", Key, Date);

            Assert.DoesNotContain(signed.Signature, signed.ToString());
        }

        private static readonly byte[] Key = Encoding.UTF8.GetBytes("secret");

        private static readonly DateTimeOffset Date = new(2026, 1, 4, 9, 5, 22, TimeSpan.Zero);

        private static readonly KeyValuePair<string, string>[] NoHeaders = Array.Empty<KeyValuePair<string, string>>();

        private static SignedRequest Sign(SigningVector vector) =>
            SdkHmacSigner.Sign(
                vector.Method,
                vector.WireUri(),
                vector.SignedHeaders.Where(h => h.Key != "x-sdk-date"),
                vector.BodyBytes,
                vector.Ak,
                Encoding.UTF8.GetBytes(vector.Sk),
                SigningTime.TryParse(vector.Date, out var date) ? date : throw new FormatException(vector.Date));
    }
}
