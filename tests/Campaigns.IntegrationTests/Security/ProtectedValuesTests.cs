using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Security;

/// <summary>
/// The demo data holds protected values (partner contacts, case details, speakers' documents, safety notes). None
/// may appear on any page a visitor can reach, nor in any export staff can download.
/// </summary>
public sealed class ProtectedValuesTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task No_public_page_and_no_export_contains_a_protected_value()
    {
        var secrets = await ProtectedDemoValuesAsync();
        Assert.True(secrets.Count >= 10, "The demo data should hold protected values to look for; found " + secrets.Count);

        var site = await PublicSite.CrawlAsync(NewBrowser());
        var documents = site.Pages.Select(p => (Where: p.Url, Body: p.Body)).ToList();
        documents.AddRange(await ExportsAsync());

        var leaks = (from d in documents
                     from s in secrets
                     where WebUtility.HtmlDecode(d.Body).Contains(s.Value, StringComparison.OrdinalIgnoreCase)
                     select $"{d.Where} shows {s.Field}").Distinct().ToList();
        Assert.True(leaks.Count == 0, "Protected values leaked:\n" + string.Join("\n", leaks));
        Assert.Contains(documents, d => d.Where.EndsWith(".csv", StringComparison.Ordinal));
    }

    /// <summary>Read through the app's own model, so the values are the plaintext whatever the storage does.</summary>
    private Task<List<(string Field, string Value)>> ProtectedDemoValuesAsync() => App.WithDbAsync(async db =>
    {
        var values = new List<(string, string?)>();
        foreach (var c in await db.PartnerContacts.AsNoTracking().ToListAsync())
        {
            values.AddRange([("partner contact name", c.Name), ("partner contact email", c.Email), ("partner contact phone", c.Phone)]);
        }

        foreach (var p in await db.Partners.AsNoTracking().Where(p => p.Visibility == ProfileVisibility.Protected).ToListAsync())
        {
            values.Add(("protected partner's real name", p.Name));
        }

        foreach (var s in await db.Speakers.AsNoTracking().ToListAsync())
        {
            values.AddRange([("speaker email", s.ContactEmail), ("speaker phone", s.ContactPhone), ("speaker travel documents", s.TravelDocuments)]);
        }

        values.AddRange((await db.UrgentActions.AsNoTracking().Select(a => a.ProtectedDetails).ToListAsync()).Select(v => ("case details", (string?)v)));
        values.AddRange((await db.AssistanceRequests.AsNoTracking().Select(r => r.SafetyNotes).ToListAsync()).Select(v => ("safety notes", (string?)v)));

        // Short values (a first name, "n/a") would match by chance; the test is about identifying details.
        return values.Where(v => v.Item2 is { Length: >= 6 }).Select(v => (v.Item1, v.Item2!)).Distinct().ToList();
    });

    private async Task<List<(string Where, string Body)>> ExportsAsync()
    {
        await TestUsers.CreateAsync(App, "exports@campaigns.test", Roles.Coordinator);
        var coordinator = NewBrowser();
        await SignInAsync(coordinator, "exports@campaigns.test", TestUsers.Password);
        var drives = await App.WithDbAsync(db => db.AidDrives.Select(d => d.Slug).ToListAsync());
        var urls = drives.Select(d => $"/admin/aid/{d}/ledger.csv").Append("/admin/alerts/subscribers/export").ToList();

        var exports = new List<(string, string)>();
        foreach (var url in urls)
        {
            var response = await coordinator.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            exports.Add((url.EndsWith("/export", StringComparison.Ordinal) ? url + ".csv" : url, await response.Content.ReadAsStringAsync()));
        }

        return exports;
    }
}
