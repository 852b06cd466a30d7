using System.Text.RegularExpressions;

namespace Campaigns.Web.Domain.Coalitions;

/// <summary>
/// A word-level diff of two versions of a text (longest common subsequence), rendered server-side so the change
/// is readable without a script. Very long texts fall back to whole lines to keep the table small.
/// </summary>
public static partial class TextDiff
{
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Compare(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Tokens(before, false);
        var b = Tokens(after, false);
        if ((long)a.Count * b.Count > MaxCells)
        {
            a = Tokens(before, true);
            b = Tokens(after, true);
            if ((long)a.Count * b.Count > MaxCells * 4)
            {
                // Thousands of one-character lines: not worth a table of that size; show old and new whole.
                return [new DiffSegment(DiffKind.Removed, string.Concat(a)), new DiffSegment(DiffKind.Added, string.Concat(b))];
            }
        }

        // lengths[i, j] = length of the LCS of a[i..] and b[j..]
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var segments = new List<DiffSegment>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                Append(segments, DiffKind.Same, a[x]);
                x++;
                y++;
            }
            else if (y < b.Count && (x == a.Count || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                Append(segments, DiffKind.Added, b[y]);
                y++;
            }
            else
            {
                Append(segments, DiffKind.Removed, a[x]);
                x++;
            }
        }

        return segments;
    }

    private static void Append(List<DiffSegment> segments, DiffKind kind, string token)
    {
        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + token };
        }
        else
        {
            segments.Add(new DiffSegment(kind, token));
        }
    }

    private static List<string> Tokens(string text, bool lines)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return (lines ? LinePattern() : WordPattern()).Matches(normalised).Select(m => m.Value).ToList();
    }

    // A word with the spaces after it, or a run of spaces alone, so joining the tokens gives back the text.
    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[^\n]*\n|[^\n]+")]
    private static partial Regex LinePattern();
}

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffSegment(DiffKind Kind, string Text);
