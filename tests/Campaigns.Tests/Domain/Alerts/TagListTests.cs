using Campaigns.Web.Domain.Alerts;

namespace Campaigns.Tests.Domain.Alerts;

public sealed class TagListTests
{
    [Fact]
    public void Codes_are_trimmed_lower_cased_deduplicated_and_fenced_with_separators()
    {
        Assert.Equal(";africa;land-defenders;", TagList.From([" Land-Defenders", "africa", "africa", ""]));
    }

    [Fact]
    public void A_code_containing_the_separator_is_dropped()
    {
        Assert.Equal(";ok;", TagList.From(["ok", "a;b"]));
        Assert.Equal("", TagList.From([]));
    }

    [Fact]
    public void Parsing_returns_the_codes()
    {
        Assert.Equal(["a", "b"], TagList.Parse(";a;b;"));
        Assert.Empty(TagList.Parse(""));
    }
}
