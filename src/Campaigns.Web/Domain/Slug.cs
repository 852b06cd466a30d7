using System.Globalization;
using System.Text;

namespace Campaigns.Web.Domain;

/// <summary>Readable URL segments: people share these links in emails and on leaflets.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    // Literal segments that sit beside {slug} in public addresses (/alerts/subscribe, /aid/giving, ...): a title
    // that made one of these would give a page nobody could reach.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "new", "edit", "admin", "subscribe", "confirm", "preferences", "unsubscribe", "check-in", "giving", "hosting",
        "invitations", "goods", "stops", "events", "donate", "ledger", "feed", "calendar",
    };

    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }

            if (builder.Length >= MaxLength)
            {
                break;
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>True when the slug would collide with a fixed address; the caller picks a numbered variant.</summary>
    public static bool IsReserved(string slug) => Reserved.Contains(slug);

    /// <summary>
    /// The wanted slug, or the first of wanted-2, wanted-3, ... that is neither reserved nor taken: two things with
    /// the same title must still get two addresses.
    /// </summary>
    public static async Task<string> FreeAsync(string wanted, Func<string, Task<bool>> isTaken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(isTaken);
        var candidate = wanted;
        for (var n = 2; IsReserved(candidate) || await isTaken(candidate); n++)
        {
            candidate = $"{wanted}-{n}";
        }

        return candidate;
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && From(slug) == slug;
}
