using Campaigns.Web.Domain;

namespace Campaigns.Tests.Domain;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Voices from the maquilas", "voices-from-the-maquilas")]
    [InlineData("Santé pour Tous — Kivu!", "sante-pour-tous-kivu")]
    [InlineData("  Tierra y Libertad  ", "tierra-y-libertad")]
    [InlineData("UA 2026/014", "ua-2026-014")]
    public void A_title_becomes_a_readable_lower_case_slug(string title, string expected) =>
        Assert.Equal(expected, Slug.From(title));

    [Fact]
    public void A_slug_is_never_longer_than_the_maximum_and_never_ends_with_a_dash()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("solidarity", 20)));

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void Text_without_letters_or_digits_gives_an_empty_slug() =>
        Assert.Equal("", Slug.From("¡¿ — ?!"));

    [Theory]
    [InlineData("clinic-supplies", true)]
    [InlineData("Clinic-Supplies", false)]
    [InlineData("clinic--supplies", false)]
    [InlineData("", false)]
    [InlineData("../etc/passwd", false)]
    public void Only_canonical_slugs_are_valid(string candidate, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(candidate));

    [Theory]
    [InlineData("subscribe", true)]
    [InlineData("giving", true)]
    [InlineData("subscribe-2", false)]
    [InlineData("river-defenders", false)]
    public void Words_used_by_fixed_addresses_are_reserved(string slug, bool reserved) =>
        Assert.Equal(reserved, Slug.IsReserved(slug));

    [Fact]
    public async Task A_free_slug_is_kept_as_wanted()
    {
        var asked = new List<string>();

        var slug = await Slug.FreeAsync("river-defenders", candidate => Taken(asked, candidate, []));

        Assert.Equal("river-defenders", slug);
        Assert.Equal(["river-defenders"], asked);
    }

    [Fact]
    public async Task A_reserved_word_gets_the_first_numbered_variant_without_asking_whether_it_is_taken()
    {
        var asked = new List<string>();

        var slug = await Slug.FreeAsync("subscribe", candidate => Taken(asked, candidate, []));

        Assert.Equal("subscribe-2", slug);
        Assert.Equal(["subscribe-2"], asked);
    }

    [Fact]
    public async Task A_slug_taken_once_gets_the_suffix_two()
    {
        var asked = new List<string>();

        var slug = await Slug.FreeAsync("clinic-supplies", candidate => Taken(asked, candidate, ["clinic-supplies"]));

        Assert.Equal("clinic-supplies-2", slug);
        Assert.Equal(["clinic-supplies", "clinic-supplies-2"], asked);
    }

    [Fact]
    public async Task A_slug_taken_twice_gets_the_suffix_three()
    {
        var asked = new List<string>();

        var slug = await Slug.FreeAsync("clinic-supplies", candidate => Taken(asked, candidate, ["clinic-supplies", "clinic-supplies-2"]));

        Assert.Equal("clinic-supplies-3", slug);
        Assert.Equal(["clinic-supplies", "clinic-supplies-2", "clinic-supplies-3"], asked);
    }

    private static Task<bool> Taken(List<string> asked, string candidate, string[] existing)
    {
        asked.Add(candidate);
        return Task.FromResult(existing.Contains(candidate));
    }
}
