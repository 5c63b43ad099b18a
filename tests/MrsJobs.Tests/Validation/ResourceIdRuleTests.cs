using MrsJobs.Core.Validation;
using Xunit;

namespace MrsJobs.Tests.Validation;

/// <summary><see cref="ResourceIdRule"/>: what a cluster id or job id can be, and how a bad one is described.</summary>
public class ResourceIdRuleTests
{
    [Theory]
    [InlineData("6b1a9c2e-4f3d-4e8a-9b7c-2d5e8f1a3c4b")]
    [InlineData("a_b-1")]
    public void AcceptsLettersDigitsDashesAndUnderscores(string id)
    {
        Assert.Null(ResourceIdRule.Problem(id));
    }

    [Theory]
    [InlineData(" 6b1a9c2e", "it starts with a space")]
    [InlineData("6b1a9c2e ", "it ends with a space")]
    [InlineData("6b1a9c2e\t", "it ends with a tab")]
    [InlineData("\r\n6b1a9c2e", "it starts with a line break")]
    public void SaysWhenTheIdStartsOrEndsWithABlank(string id, string says)
    {
        Assert.Equal(says, ResourceIdRule.Problem(id));
    }

    [Fact]
    public void NamesTheCharacterRuleForABlankInside()
    {
        Assert.StartsWith("only letters, digits, '-' and '_'", ResourceIdRule.Problem("6b1a 9c2e"));
    }
}
