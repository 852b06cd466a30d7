using Campaigns.Web.Domain.Coalitions;

namespace Campaigns.Tests.Domain.Coalitions;

public sealed class TextDiffTests
{
    [Fact]
    public void Identical_texts_are_one_unchanged_segment()
    {
        var diff = TextDiff.Compare("1. Land to those who work it.", "1. Land to those who work it.");

        Assert.Equal([new DiffSegment(DiffKind.Same, "1. Land to those who work it.")], diff);
    }

    [Fact]
    public void Added_and_removed_words_are_marked_and_both_texts_can_be_rebuilt()
    {
        const string before = "Brands are responsible for conditions.\nWe act together.";
        const string after = "Brands and buyers are responsible for all conditions.\nWe act together.\nPartners lead.";

        var diff = TextDiff.Compare(before, after);

        Assert.Equal(before, string.Concat(diff.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(diff.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text)));
        Assert.Contains(new DiffSegment(DiffKind.Added, "and buyers "), diff);
        Assert.Contains(new DiffSegment(DiffKind.Added, "all "), diff);
    }

    [Fact]
    public void Windows_line_endings_do_not_count_as_changes()
    {
        var diff = TextDiff.Compare("One.\r\nTwo.", "One.\nTwo.");

        Assert.All(diff, s => Assert.Equal(DiffKind.Same, s.Kind));
    }

    [Fact]
    public void Very_long_texts_fall_back_to_whole_lines()
    {
        var before = string.Join("\n", Enumerable.Range(0, 3000).Select(i => $"point {i} stays as it is"));
        var after = before.Replace("point 1500 stays", "point 1500 changes", StringComparison.Ordinal);

        var diff = TextDiff.Compare(before, after);

        Assert.Equal([new DiffSegment(DiffKind.Added, "point 1500 changes as it is\n")], diff.Where(s => s.Kind == DiffKind.Added));
        Assert.Equal(after, string.Concat(diff.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text)));
    }
}
