namespace Campaigns.Web.Domain.Alerts;

/// <summary>
/// A set of short codes in one column, written ";a;b;" so that "has code x" is a plain substring test
/// (";x;") on every database provider.
/// </summary>
public static class TagList
{
    public static string From(IEnumerable<string>? codes)
    {
        var clean = (codes ?? []).Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0 && !c.Contains(';', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return clean.Count == 0 ? "" : ";" + string.Join(';', clean) + ";";
    }

    public static IReadOnlyList<string> Parse(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(';', StringSplitOptions.RemoveEmptyEntries);

    public static string Marker(string code) => ";" + code + ";";
}
