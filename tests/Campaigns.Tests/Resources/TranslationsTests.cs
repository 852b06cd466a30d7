using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Campaigns.Tests.Resources;

/// <summary>
/// Every string the code shows through the localizer has a Spanish and a French translation: a page is either
/// wholly in the visitor's language or it is a bug.
/// </summary>
public sealed partial class TranslationsTests
{
    private static readonly string Web = Path.Combine(Campaigns.Testing.RepositoryRoot.Path, "src", "Campaigns.Web");

    public static TheoryData<string> Cultures => new() { "es", "fr" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_localized_string_in_the_code_has_a_translation(string culture)
    {
        var translated = XDocument.Load(Path.Combine(Web, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

        var keys = KeysInCode();
        var missing = keys.Where(k => !translated.ContainsKey(k)).Order().ToList();

        Assert.Contains("Sign in", keys);

        Assert.True(missing.Count == 0, $"Missing in SharedResource.{culture}.resx:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_translation_keeps_the_placeholders_of_its_key(string culture)
    {
        var broken = XDocument.Load(Path.Combine(Web, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data")
            .Where(d => !Placeholders((string)d.Attribute("name")!).SetEquals(Placeholders((string?)d.Element("value") ?? "")))
            .Select(d => (string)d.Attribute("name")!)
            .ToList();

        Assert.Empty(broken);
    }

    /// <summary>Resource names are case-insensitive when compiled: "Every month" and "every month" leave one of them untranslated.</summary>
    [Theory]
    [MemberData(nameof(Cultures))]
    public void No_two_keys_differ_only_in_case(string culture)
    {
        var clashes = XDocument.Load(Path.Combine(Web, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g))
            .ToList();

        Assert.Empty(clashes);
    }

    private static HashSet<string> KeysInCode()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Web, "Infrastructure"), "*.cs", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match match in KeyPattern().Matches(text))
            {
                keys.Add(Regex.Unescape(match.Groups["key"].Value));
            }
        }

        return keys;
    }

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();

    // T["..."] and localizer["..."] in views and code, validation messages and display names of forms.
    [GeneratedRegex("""(?:\bT|localizer)\["(?<key>(?:[^"\\]|\\.)*)"|ErrorMessage = "(?<key>[^"]*)"|Display\(Name = "(?<key>[^"]*)"|QueueAsync\(user, "(?<key>[^"]*)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
