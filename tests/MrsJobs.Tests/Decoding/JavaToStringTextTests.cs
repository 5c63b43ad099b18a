using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Decoding;
using Xunit;

namespace MrsJobs.Tests.Decoding;

public class JavaToStringTextTests
{
    [Theory]
    [InlineData("[--class, org.apache.spark.examples.SparkPi, 100]", new[] { "--class", "org.apache.spark.examples.SparkPi", "100" })]
    [InlineData("[]", new string[0])]
    [InlineData("  [a]  ", new[] { "a" })]
    [InlineData("[a,b, c]", new[] { "a,b", "c" })]
    [InlineData("[obs://bucket/日志/in, obs://bucket/out]", new[] { "obs://bucket/日志/in", "obs://bucket/out" })]
    [InlineData("[\"x, y\", 1, true]", new[] { "x, y", "1", "true" })]
    [InlineData("[, ]", new[] { "", "" })]
    public void ReadsAListText(string text, string[] expected)
    {
        Assert.True(JavaToStringText.TryParseList(text, out var items));
        Assert.Equal(expected, items);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("--class x")]
    [InlineData("[unclosed")]
    [InlineData("{a=1}")]
    public void RefusesWhatIsNotAList(string? text)
    {
        Assert.False(JavaToStringText.TryParseList(text, out _));
    }

    [Fact]
    public void ReadsAMapTextInOrder()
    {
        Assert.True(JavaToStringText.TryParseMap("{fs.obs.endpoint=obs.cn-north-4.myhuaweicloud.com, mapreduce.job.reduces=4}", out var pairs));

        Assert.Equal(
            new[] { P("fs.obs.endpoint", "obs.cn-north-4.myhuaweicloud.com"), P("mapreduce.job.reduces", "4") },
            pairs);
    }

    [Theory]
    [InlineData("{}", 0)]
    [InlineData("{a=}", 1)]
    [InlineData("{a=x=y}", 1)]
    public void ReadsEdgeMaps(string text, int count)
    {
        Assert.True(JavaToStringText.TryParseMap(text, out var pairs));
        Assert.Equal(count, pairs.Count);
    }

    [Fact]
    public void GluesAPieceWithoutEqualsBackToTheValueBeforeIt()
    {
        Assert.True(JavaToStringText.TryParseMap("{list=a, b, c, next=1}", out var pairs));

        Assert.Equal(new[] { P("list", "a, b, c"), P("next", "1") }, pairs);
    }

    [Fact]
    public void ReadsAJsonObjectToo()
    {
        Assert.True(JavaToStringText.TryParseMap("{\"a\":\"1\",\"b\":2}", out var pairs));

        Assert.Equal(new[] { P("a", "1"), P("b", "2") }, pairs);
    }

    [Theory]
    [InlineData("a=1")]
    [InlineData("{no equals}")]
    [InlineData("[a=1]")]
    public void RefusesWhatIsNotAMap(string text)
    {
        Assert.False(JavaToStringText.TryParseMap(text, out var pairs));
        Assert.Empty(pairs.ToList());
    }

    private static KeyValuePair<string, string> P(string key, string value) => new(key, value);
}
