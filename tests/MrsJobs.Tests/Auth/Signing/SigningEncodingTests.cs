using System;
using MrsJobs.Core.Auth.Signing;
using Xunit;

namespace MrsJobs.Tests.Auth.Signing;

/// <summary><see cref="SigningEncoding"/> and <see cref="SigningTime"/>: the canonical pieces.</summary>
public class SigningEncodingTests
{
    public class TheEncodeMethod
    {
        [Theory]
        [InlineData("AZaz09-_.~", "AZaz09-_.~")]
        [InlineData("a b", "a%20b")]
        [InlineData("1+1=2", "1%2B1%3D2")]
        [InlineData("100%", "100%25")]
        [InlineData("a:b/c?d", "a%3Ab%2Fc%3Fd")]
        [InlineData("é", "%C3%A9")]
        [InlineData("😀", "%F0%9F%98%80")]
        [InlineData("", "")]
        public void KeepsUnreservedCharactersAndEscapesUtf8BytesInUpperCase(string text, string expected)
        {
            Assert.Equal(expected, SigningEncoding.Encode(text));
        }
    }

    public class TheCanonicalUriMethod
    {
        [Theory]
        [InlineData("/v2/p/clusters", "/v2/p/clusters/")]
        [InlineData("/v2/p/clusters/", "/v2/p/clusters/")]
        [InlineData("/", "/")]
        [InlineData("", "/")]
        [InlineData("/a%20b/c", "/a%20b/c/")]
        [InlineData("/a+b~c:d", "/a%2Bb~c%3Ad/")]
        [InlineData("/a%2Fb", "/a%2Fb/")]
        [InlineData("/%e4%bd%9c", "/%E4%BD%9C/")]
        public void EncodesEachUnescapedSegmentAndEndsWithASlash(string escapedPath, string expected)
        {
            Assert.Equal(expected, SigningEncoding.CanonicalUri(escapedPath));
        }
    }

    public class TheCanonicalQueryMethod
    {
        [Theory]
        [InlineData("", "")]
        [InlineData("?", "")]
        [InlineData("?b=2&a=1", "a=1&b=2")]
        [InlineData("?k=b&k=a&k=c", "k=a&k=b&k=c")]
        [InlineData("?flag&empty=", "empty=&flag=")]
        [InlineData("?q=a+b&r=a%20b", "q=a%2Bb&r=a%20b")]
        [InlineData("?~=1&Z=2&a=3", "Z=2&a=3&~=1")]
        [InlineData("?%C3%A9=1&~=2", "~=2&%C3%A9=1")]
        public void SortsKeysThenValuesOrdinallyBeforeEncoding(string escapedQuery, string expected)
        {
            Assert.Equal(expected, SigningEncoding.CanonicalQuery(escapedQuery));
        }
    }

    public class TheSigningTimeClass
    {
        [Fact]
        public void FormatsInUtcWithoutSeparators()
        {
            Assert.Equal("20260104T090522Z", SigningTime.ToText(new DateTimeOffset(2026, 1, 4, 10, 5, 22, 999, TimeSpan.FromHours(1))));
        }

        [Fact]
        public void ReadsOnlyTheExactFormat()
        {
            Assert.True(SigningTime.TryParse("20260104T090522Z", out var moment));
            Assert.Equal(new DateTimeOffset(2026, 1, 4, 9, 5, 22, TimeSpan.Zero), moment);
            Assert.False(SigningTime.TryParse("2026-01-04T09:05:22Z", out _));
        }
    }
}
