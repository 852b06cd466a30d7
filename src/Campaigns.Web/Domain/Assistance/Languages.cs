using System.Text.RegularExpressions;

namespace Campaigns.Web.Domain.Assistance;

/// <summary>Reads and writes language lists as people type them: "es C1, en B2".</summary>
public static partial class Languages
{
    public static bool TryParse(string? text, out List<(string Code, CefrLevel Level)> languages, out string? error)
    {
        languages = [];
        error = null;
        foreach (var part in (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Entry().Match(part);
            if (!match.Success || !Enum.TryParse<CefrLevel>(match.Groups[2].Value, ignoreCase: true, out var level))
            {
                error = part;
                return false;
            }

            var code = match.Groups[1].Value.ToLowerInvariant();
            if (languages.All(l => l.Code != code))
            {
                languages.Add((code, level));
            }
        }

        return true;
    }

    public static string Format(IEnumerable<(string Code, CefrLevel Level)> languages) =>
        string.Join(", ", languages.Select(l => $"{l.Code} {l.Level}"));

    [GeneratedRegex(@"^([A-Za-z]{2})\s*[: ]\s*([ABCabc][12])$")]
    private static partial Regex Entry();
}
