using System.Net;
using System.Text;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Alerts;

public sealed class SubscriberCsvTests(AlertsAppFactory app) : AppTestBase(app), IClassFixture<AlertsAppFactory>
{
    private new AlertsAppFactory App => (AlertsAppFactory)base.App;

    [Fact]
    public async Task Import_previews_refuses_rows_without_consent_and_then_imports_the_rest()
    {
        await TestUsers.CreateAsync(App, "coordinator@campaigns.test", Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, "coordinator@campaigns.test", TestUsers.Password);
        var csv = new StringBuilder("email,name,language,interests,consent_text,consent_at,consent_ip\n");
        for (var i = 0; i < 2000; i++)
        {
            csv.Append(CultureInfo(i)).Append('\n');
        }

        csv.Append("no-consent@example.org,Nobody,en,,,,\n");
        csv.Append("not an email,Nobody,en,,Yes,2025-01-01T00:00:00Z,\n");
        csv.Append("row0@import.example,Again,en,,Yes,2025-01-01T00:00:00Z,\n");

        var preview = await UploadAsync(browser, csv.ToString(), commit: false);
        Assert.Contains("Preview: 2000 valid rows, 2000 new", WebUtility.HtmlDecode(preview), StringComparison.Ordinal);
        Assert.Contains("no recorded consent", preview, StringComparison.Ordinal);
        Assert.Contains("duplicate email", preview, StringComparison.Ordinal);
        Assert.Equal(0, await App.CountAsync(db => db.AlertSubscribers.CountAsync(s => s.Source == "import")));

        var imported = await UploadAsync(browser, csv.ToString(), commit: true);
        Assert.Contains("Imported 2000 new subscribers", imported, StringComparison.Ordinal);
        Assert.Equal(2000, await App.CountAsync(db => db.AlertSubscribers.CountAsync(s => s.Source == "import" && s.Status == SubscriberStatus.Active)));
        Assert.Equal(0, await App.CountAsync(db => db.AlertSubscribers.CountAsync(s => s.Email == "no-consent@example.org")));

        var export = await browser.GetStringAsync("/admin/alerts/subscribers/export");
        Assert.Contains("row1999@import.example", export, StringComparison.Ordinal);
    }

    private static string CultureInfo(int i) => $"row{i}@import.example,Row {i},{(i % 2 == 0 ? "es" : "fr")},land-defenders;africa,I agree,2025-01-01T00:00:00Z,192.0.2.1";

    private static async Task<string> UploadAsync(HttpClient browser, string csv, bool commit)
    {
        var token = await AntiforgeryTokenAsync(browser, "/admin/alerts/subscribers/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(commit ? "true" : "false"), "commit" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "subscribers.csv" },
        };
        var response = await browser.PostAsync("/admin/alerts/subscribers/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
