using System.Net;
using System.Text;
using Campaigns.Testing;

namespace Campaigns.IntegrationTests.Security;

public sealed class PublicFormFuzzTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Script = "<script>alert('fuzz')</script>";
    private const string Attribute = "\"><img src=x onerror=alert('fuzz')>";

    /// <summary>Each payload already URL-encoded, so invalid UTF-8 reaches the server as the bytes an attacker sends.</summary>
    private static readonly (string Name, string Encoded)[] Payloads =
    [
        ("script", Uri.EscapeDataString(Script)),
        ("attribute breakout", Uri.EscapeDataString(Attribute)),
        ("SQL metacharacters", Uri.EscapeDataString("' OR '1'='1'; DROP TABLE \"AspNetUsers\"; --")),
        ("100,000 characters", new string('A', 100_000)),
        ("invalid UTF-8", "%FF%FE%ED%A0%80%C3"),
        ("NUL and control characters", "a%00b%01%1B%7F"),
        ("right-to-left override and emoji", Uri.EscapeDataString("\u202Efuzz\U0001F525\u0301")),
        ("huge number", "99999999999999999999999999999"),
        ("negative number", "-1"),
        ("not a date", "2026-13-45T25:61"),
        ("empty", ""),
    ];

    [Fact]
    public async Task Every_public_form_answers_hostile_input_without_an_error_or_a_reflected_script()
    {
        var site = await PublicSite.CrawlAsync(NewBrowser());
        Assert.Contains(site.Forms, f => f.Action.StartsWith("/alerts/subscribe", StringComparison.Ordinal));
        Assert.True(site.Forms.Count >= 8, "Too few public forms found: " + string.Join(", ", site.Forms.Select(f => f.Action)));

        var failures = new List<string>();
        foreach (var form in site.Forms)
        {
            var browser = NewBrowser();
            var token = form.Method == "POST" ? await AntiforgeryTokenAsync(browser, form.FoundOn) : null;
            foreach (var field in form.Fields.Where(f => f.Name != "__RequestVerificationToken"))
            {
                foreach (var (name, encoded) in Payloads)
                {
                    var pairs = form.Fields
                        .Where(f => f.Name != "__RequestVerificationToken")
                        .Select(f => Uri.EscapeDataString(f.Name) + "=" + (f.Name == field.Name ? encoded : Uri.EscapeDataString(f.SampleValue)))
                        .ToList();
                    if (token is not null)
                    {
                        pairs.Add("__RequestVerificationToken=" + Uri.EscapeDataString(token));
                    }

                    var query = string.Join('&', pairs);
                    using var response = form.Method == "POST"
                        ? await browser.PostAsync(form.Action, new StringContent(query, Encoding.ASCII, "application/x-www-form-urlencoded"))
                        : await browser.GetAsync(form.Action + (form.Action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
                    var body = await response.Content.ReadAsStringAsync();
                    var where = $"{form.Method} {form.Action} [{field.Name} = {name}]";
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{where} -> {(int)response.StatusCode}");
                    }

                    if (body.Contains(Script, StringComparison.Ordinal) || body.Contains("<img src=x onerror", StringComparison.Ordinal))
                    {
                        failures.Add($"{where} reflects the script");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} hostile inputs mishandled:\n" + string.Join("\n", failures.Take(60)));
    }

    [Fact]
    public async Task Every_public_page_answers_without_a_server_error()
    {
        var site = await PublicSite.CrawlAsync(NewBrowser());

        Assert.True(site.Pages.Count >= 20, "Too few public pages found: " + site.Pages.Count);
        Assert.Empty(site.Pages.Where(p => p.Status >= 500).Select(p => $"{p.Url} -> {p.Status}"));
        Assert.DoesNotContain(site.Pages, p => p.Status == (int)HttpStatusCode.NotFound && p.Url != "/no-such-page");
    }
}
