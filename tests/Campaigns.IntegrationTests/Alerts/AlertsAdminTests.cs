using System.Net;
using System.Net.Http.Json;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Alerts;

public sealed class AlertsAdminTests(AlertsAppFactory app) : AppTestBase(app), IClassFixture<AlertsAppFactory>
{
    private new AlertsAppFactory App => (AlertsAppFactory)base.App;

    [Fact]
    public async Task A_coordinator_adds_a_target_and_writes_an_urgent_action_in_two_languages()
    {
        await TestUsers.CreateAsync(App, "writer@campaigns.test", Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, "writer@campaigns.test", TestUsers.Password);

        var target = await PostFormAsync(browser, "/admin/targets/new", "/admin/targets/new",
            ("Name", "Minister of the Interior"), ("Title", "Minister"), ("Institution", "Ministry of the Interior"), ("Kind", "Ministry"),
            ("CountryCode", "hn"), ("Email", "minister@interior.example"), ("Salutation", "Dear Minister"));
        Assert.Equal(HttpStatusCode.Redirect, target.StatusCode);
        var targetId = await App.WithDbAsync(db => db.Targets.Where(t => t.Name == "Minister of the Interior").Select(t => t.Id).SingleAsync());
        var duplicate = await PostFormAsync(browser, "/admin/targets/new", "/admin/targets/new",
            ("Name", "Minister of the Interior"), ("Institution", "Ministry of the Interior"), ("Kind", "Ministry"));
        Assert.Contains("already in the directory", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await PostFormAsync(browser, "/admin/alerts/new", "/admin/alerts/new",
            ("CaseReference", "UA-2026-099"), ("Title", "Journalist detained"), ("Summary", "A journalist was detained."),
            ("PeopleAtRisk", "A journalist (pseudonym: Tomás)"), ("ProtectedDetails", "Real name: kept off public pages"),
            ("LetterTemplate", "{salutation}, release the journalist. {name}"), ("Status", "Live"), ("TargetIds", targetId.ToString()),
            ("Deadline", DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd")),
            ("Versions[0].Language", "es"), ("Versions[0].Title", "Periodista detenido"), ("Versions[0].Summary", "Un periodista fue detenido."),
            ("Versions[1].Language", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/alerts/journalist-detained", created.Headers.Location!.OriginalString);

        var admin = await browser.GetStringAsync("/admin/alerts/journalist-detained");
        Assert.Contains("Real name: kept off public pages", admin, StringComparison.Ordinal);
        var preview = await browser.GetStringAsync("/admin/alerts/journalist-detained/preview/es");
        Assert.Contains("Periodista detenido", WebUtility.HtmlDecode(preview), StringComparison.Ordinal);

        var spanish = NewBrowser();
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var page = WebUtility.HtmlDecode(await spanish.GetStringAsync("/alerts/journalist-detained"));
        Assert.Contains("Periodista detenido", page, StringComparison.Ordinal);
        Assert.Contains("Minister of the Interior", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Real name", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_page_shows_the_progress_of_a_send()
    {
        await TestUsers.CreateAsync(App, "watcher@campaigns.test", Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, "watcher@campaigns.test", TestUsers.Password);
        var requestId = Guid.NewGuid();
        var send = await PostFormAsync(browser, "/admin/alerts/river-defenders-threatened", "/admin/alerts/river-defenders-threatened/sends",
            ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"), ("Languages", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        var again = await PostFormAsync(browser, "/admin/alerts/river-defenders-threatened", "/admin/alerts/river-defenders-threatened/sends",
            ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"), ("Languages", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var sendId = await App.WithDbAsync(db => db.AlertSends.Where(s => s.RequestId == requestId).Select(s => s.Id).SingleAsync());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        SendProgressJson? progress;
        do
        {
            await Task.Delay(100);
            progress = await browser.GetFromJsonAsync<SendProgressJson>($"/admin/alerts/sends/{sendId}/progress");
        }
        while (progress!.Status != "Completed" && DateTime.UtcNow < deadline);

        Assert.Equal(progress.Recipients, progress.Sent);
        Assert.True(progress.Sent >= 1);
        Assert.Equal(0, progress.Remaining);
        Assert.Contains("data-send=\"" + sendId, await browser.GetStringAsync("/admin/alerts/river-defenders-threatened"), StringComparison.Ordinal);
    }

    private sealed record SendProgressJson(string Status, int Recipients, int Sent, int Failed, int Remaining, double PerSecond);

    [Fact]
    public async Task Staff_pages_are_closed_to_volunteers()
    {
        await TestUsers.CreateAsync(App, "volunteer@campaigns.test", Roles.Volunteer);
        var browser = NewBrowser();
        await SignInAsync(browser, "volunteer@campaigns.test", TestUsers.Password);

        foreach (var url in new[] { "/admin/alerts", "/admin/targets", "/admin/alerts/subscribers/export" })
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, url);
            Assert.DoesNotContain("/admin", response.Headers.Location?.OriginalString.Replace("ReturnUrl", "", StringComparison.Ordinal).Split('?')[0] ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_bounce_webhook_suppresses_hard_bounces_and_complaints_only_with_the_secret()
    {
        var client = App.CreateClient();
        var forged = await client.PostAsJsonAsync("/webhooks/alerts/bounces", new { email = "forged@example.org", type = "bounce" });
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        client.DefaultRequestHeaders.Authorization = new("Bearer", AlertsAppFactory.BounceSecret);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/webhooks/alerts/bounces", new { email = "Gone@Example.org", type = "bounce" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/webhooks/alerts/bounces", new { email = "angry@example.org", type = "complaint" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/webhooks/alerts/bounces", new { email = "later@example.org", type = "soft-bounce" })).StatusCode);

        var suppressed = await App.WithDbAsync(db => db.SuppressedAddresses.OrderBy(s => s.Email).Select(s => s.Email + ":" + s.Reason).ToListAsync());
        Assert.Equal(["angry@example.org:Complaint", "gone@example.org:HardBounce"], suppressed);
        Assert.DoesNotContain(suppressed, s => s.StartsWith("forged", StringComparison.Ordinal));
    }
}
