using System.Net;
using Campaigns.Web.Domain.Identity;

namespace Campaigns.IntegrationTests.Alerts;

public sealed class UrgentActionSlugTests(AlertsAppFactory app) : AppTestBase(app), IClassFixture<AlertsAppFactory>
{
    [Fact]
    public async Task An_action_titled_like_a_fixed_address_gets_a_numbered_slug_and_a_reachable_page()
    {
        await TestUsers.CreateAsync(App, "slugs@campaigns.test", Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, "slugs@campaigns.test", TestUsers.Password);

        var created = await PostFormAsync(browser, "/admin/alerts/new", "/admin/alerts/new",
            ("CaseReference", "UA-2026-120"), ("Title", "Subscribe"), ("Summary", "Named by someone in a hurry."),
            ("Status", "Live"), ("Deadline", DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd")));

        Assert.Equal("/admin/alerts/subscribe-2", created.Headers.Location!.OriginalString);
        var page = await NewBrowser().GetAsync("/alerts/subscribe-2");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Named by someone in a hurry.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
