using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Campaigns.IntegrationTests.Security;

/// <summary>
/// What an anonymous visitor can reach by following links from the public entry points: every page with its
/// body, and every form on those pages. Security tests walk it instead of a hand-kept list, so a page or form
/// added later is covered without anyone remembering to add it.
/// </summary>
internal sealed record PublicSite(IReadOnlyList<PublicPage> Pages, IReadOnlyList<PublicForm> Forms)
{
    private const int MaxPages = 400;

    /// <summary>Entry points a visitor reaches by typing the address rather than by a link.</summary>
    private static readonly string[] EntryPoints =
        ["/", "/tours", "/aid", "/assistance", "/alerts", "/alerts/subscribe", "/library", "/account/signin", "/account/register", "/account/forgot-password"];

    // Leaving the visitor's session or changing state by GET is not browsing.
    private static readonly string[] NotFollowed = ["/account/signout", "/webhooks/", "/admin/", "/culture"];

    public static async Task<PublicSite> CrawlAsync(HttpClient browser)
    {
        var parser = new HtmlParser();
        var queue = new Queue<string>(EntryPoints);
        var seen = new HashSet<string>(EntryPoints, StringComparer.Ordinal);
        var pages = new List<PublicPage>();
        var forms = new Dictionary<string, PublicForm>(StringComparer.Ordinal);

        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            using var response = await browser.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            pages.Add(new PublicPage(url, (int)response.StatusCode, mediaType, body));
            if (!mediaType.Contains("html", StringComparison.Ordinal))
            {
                continue;
            }

            var document = await parser.ParseDocumentAsync(body);
            foreach (var anchor in document.QuerySelectorAll<IHtmlAnchorElement>("a[href]"))
            {
                if (Internal(anchor.GetAttribute("href")!) is { } link && seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }

            foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } target ? target : url;
                var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
                if (!action.StartsWith('/') || action.StartsWith("/account/signout", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = form.QuerySelectorAll("input[name], textarea[name], select[name]")
                    .Select(e => new FormField(e.GetAttribute("name")!, e.LocalName == "input" ? (e.GetAttribute("type") ?? "text").ToLowerInvariant() : e.LocalName, SampleValue(e)))
                    .Where(f => f.Type is not ("submit" or "button" or "image" or "file"))
                    .DistinctBy(f => f.Name)
                    .ToList();
                forms.TryAdd($"{method} {action.Split('?')[0]}", new PublicForm(url, method, action, fields));
            }
        }

        return new PublicSite(pages, forms.Values.ToList());
    }

    /// <summary>The path and query of a same-site link, or null for other sites, fragments and non-web schemes.</summary>
    private static string? Internal(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var link = href.Split('#')[0];
        return link.Length == 0 || NotFollowed.Any(p => link.StartsWith(p, StringComparison.Ordinal)) ? null : link;
    }

    private static string SampleValue(IElement element) => element switch
    {
        IHtmlSelectElement select => select.Options.FirstOrDefault(o => o.Value.Length > 0)?.Value ?? "",
        IHtmlTextAreaElement => "A few plain words.",
        _ => element.GetAttribute("value") is { Length: > 0 } value ? value : (element.GetAttribute("type") ?? "text").ToLowerInvariant() switch
        {
            "email" => "fuzz@example.org",
            "number" => element.GetAttribute("min") ?? "1",
            "date" => "2027-03-01",
            "datetime-local" => "2027-03-01T18:00",
            "checkbox" or "radio" => "true",
            "url" => "https://example.org/",
            "password" => "a long enough pass phrase",
            _ => "Plain words",
        },
    };
}

internal sealed record PublicPage(string Url, int Status, string MediaType, string Body);

internal sealed record PublicForm(string FoundOn, string Method, string Action, IReadOnlyList<FormField> Fields);

internal sealed record FormField(string Name, string Type, string SampleValue);
