using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MrsJobs.Core.Input;
using Xunit;

namespace MrsJobs.Tests.Input;

/// <summary>
/// The cell notation written by <see cref="ArgumentsCell.Write"/> and <see cref="PropertiesCell.Write"/> is read
/// back by the parsers as exactly what was written, for awkward values and for thousands of random ones.
/// </summary>
public class CellWriterTests
{
    private const int RandomCases = 3000;

    // Characters that the notations treat specially, and some that JSON escapes.
    private static readonly string[] Pieces =
    {
        " ", "  ", "\t", ";", "=", "==", ",", ", ", "\n", "\r\n", "\r", "{", "}", "[", "]", "\"", "\\", "'", "a", "b.c", "k1",
        "x y", "a=1 b=2", "é", "输入", "😀", "\u0001", "\u2028", "null", "true", "1", "-", "--conf", "key", "[redacted]", "<>&+",
    };

    public static TheoryData<string[]> AwkwardArgumentLists => new()
    {
        Array.Empty<string>(),
        new[] { string.Empty },
        new[] { " " },
        new[] { "SELECT a, b FROM t WHERE x = 'y'" },
        new[] { " leading", "trailing ", " both " },
        new[] { "[not json", "]" },
        new[] { "line\nbreak", "tab\there", "cr\rlf\r\n" },
        new[] { "quote\"inside", "back\\slash", "\\\"" },
        new[] { "null", "true", "1.5", "[]", "{}" },
        new[] { "输入", "😀", "\u0000", "\u001f" },
    };

    public static TheoryData<string[]> AwkwardPropertyLists => new()
    {
        new[] { "k", "v" },
        new[] { "k", string.Empty },
        new[] { "k", "a=1 b=2" },
        new[] { "k", "v;w" },
        new[] { "k;x", "v" },
        new[] { "a=b", "c" },
        new[] { "k", " lead" },
        new[] { "k", "trail " },
        new[] { " k", "v" },
        new[] { "{k", "v" },
        new[] { "k", "{v}" },
        new[] { "k", "line\nbreak" },
        new[] { "k", "x=y=z" },
        new[] { "k", "\"quoted\"" },
        new[] { "spark.driver.extraJavaOptions", "-Dx=1 -Dy=2" },
        new[] { string.Empty, "empty key" },
        new[] { "k1", "v1", "k2", "v 2", "k3", "v3;" },
        new[] { "输入", "😀" },
    };

    public class TheArgumentsWriter
    {
        [Theory]
        [MemberData(nameof(AwkwardArgumentLists), MemberType = typeof(CellWriterTests))]
        public void WritesWhatTheParserReadsBackAsTheSameList(string[] arguments)
        {
            Assert.Equal(arguments, ArgumentsCell.Parse(ArgumentsCell.Write(arguments)));
        }

        [Fact]
        public void SurvivesThousandsOfRandomLists()
        {
            var random = new Random(20261126);
            for (var i = 0; i < RandomCases; i++)
            {
                var arguments = Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomText(random)).ToArray();

                var cell = ArgumentsCell.Write(arguments);

                Assert.True(arguments.SequenceEqual(ArgumentsCell.Parse(cell)), $"case {i}: {cell}");
            }
        }

        [Fact]
        public void WritesAJsonArrayThatKeepsTextReadable()
        {
            Assert.Equal("[\"--class\",\"a.B\",\"x y\",\"输入\",\"a+b<c>&\"]", ArgumentsCell.Write(new[] { "--class", "a.B", "x y", "输入", "a+b<c>&" }));
        }

        [Fact]
        public void WritesAnEmptyCellForNoArguments()
        {
            Assert.Equal(string.Empty, ArgumentsCell.Write(Array.Empty<string>()));
        }
    }

    public class ThePropertiesWriter
    {
        [Theory]
        [MemberData(nameof(AwkwardPropertyLists), MemberType = typeof(CellWriterTests))]
        public void WritesWhatTheParserReadsBackAsTheSamePairs(string[] flat)
        {
            var pairs = Pairs(flat);

            Assert.Equal(pairs, PropertiesCell.Parse(PropertiesCell.Write(pairs)));
        }

        [Fact]
        public void SurvivesThousandsOfRandomPairs()
        {
            var random = new Random(20261127);
            for (var i = 0; i < RandomCases; i++)
            {
                var pairs = Enumerable.Range(0, random.Next(0, 5))
                    .Select(n => new KeyValuePair<string, string>(RandomText(random) + n, RandomText(random)))
                    .ToList();

                var cell = PropertiesCell.Write(pairs);

                Assert.True(pairs.SequenceEqual(PropertiesCell.Parse(cell)), $"case {i}: {cell}");
            }
        }

        [Fact]
        public void WritesKeyValuePairsWhenEveryPairSurvivesThem()
        {
            var pairs = Pairs(new[] { "mapreduce.job.reduces", "4", "fs.obs.endpoint", "obs.cn-north-4.myhuaweicloud.com", "opts", "-Dx=1 -Dy=2" });

            Assert.Equal("mapreduce.job.reduces=4;fs.obs.endpoint=obs.cn-north-4.myhuaweicloud.com;opts=-Dx=1 -Dy=2", PropertiesCell.Write(pairs));
        }

        [Theory]
        [InlineData("k", "v;w", "{\"k\":\"v;w\"}")]
        [InlineData("k", " v", "{\"k\":\" v\"}")]
        [InlineData("a=b", "c", "{\"a=b\":\"c\"}")]
        [InlineData("k", "a=1 b=2", "{\"k\":\"a=1 b=2\"}")]
        [InlineData("{k", "v", "{\"{k\":\"v\"}")]
        [InlineData("k", "line\nbreak", "{\"k\":\"line\\nbreak\"}")]
        public void WritesAJsonObjectWhenAPairNeedsIt(string key, string value, string expected)
        {
            Assert.Equal(expected, PropertiesCell.Write(new[] { new KeyValuePair<string, string>(key, value) }));
        }

        [Fact]
        public void WritesAnEmptyCellForNoProperties()
        {
            Assert.Equal(string.Empty, PropertiesCell.Write(Array.Empty<KeyValuePair<string, string>>()));
        }
    }

    private static List<KeyValuePair<string, string>> Pairs(string[] flat) =>
        Enumerable.Range(0, flat.Length / 2).Select(i => new KeyValuePair<string, string>(flat[2 * i], flat[(2 * i) + 1])).ToList();

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }
}
