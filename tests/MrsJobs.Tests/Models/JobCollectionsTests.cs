using System.Collections;
using System.Collections.Generic;
using System.Linq;
using MrsJobs.Core.Input;
using MrsJobs.Core.Models;
using Xunit;

namespace MrsJobs.Tests.Models;

/// <summary><see cref="JobArguments"/> and <see cref="JobProperties"/>: read-only collections whose text is the CSV cell notation.</summary>
public class JobCollectionsTests
{
    [Fact]
    public void ArgumentsAreAListWhoseTextIsTheirCell()
    {
        var arguments = new JobArguments(new[] { "SELECT a, b FROM t", "x y" });

        Assert.Equal("SELECT a, b FROM t", arguments[0]);
        Assert.Equal(2, arguments.Count);
        Assert.IsAssignableFrom<IList>(arguments);
        Assert.Equal("[\"SELECT a, b FROM t\",\"x y\"]", arguments.ToString());
        Assert.Equal(arguments, ArgumentsCell.Parse(arguments.ToString()));
    }

    [Fact]
    public void PropertiesAreADictionaryInTheOrderGivenWhoseTextIsTheirCell()
    {
        var properties = new JobProperties(new[] { Pair("z.last", "1"), Pair("a.first", "v;w"), Pair("z.last", "2") });

        Assert.Equal(new[] { "z.last", "a.first" }, properties.Keys.ToArray());
        Assert.Equal("2", properties["z.last"]);
        Assert.IsAssignableFrom<IDictionary>(properties);
        Assert.Equal("{\"z.last\":\"2\",\"a.first\":\"v;w\"}", properties.ToString());
        Assert.Equal(properties.ToList(), PropertiesCell.Parse(properties.ToString()));
    }

    [Fact]
    public void NoneIsAnEmptyCell()
    {
        Assert.Equal(string.Empty, JobArguments.Empty.ToString());
        Assert.Equal(string.Empty, JobProperties.Empty.ToString());
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
}
