using System.Net;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Alerts;

public sealed class AlertTopicsTests(AlertsAppFactory app) : AppTestBase(app), IClassFixture<AlertsAppFactory>
{
    [Fact]
    public async Task Coordinators_keep_the_list_of_issues_and_regions_that_subscribers_choose_from()
    {
        await TestUsers.CreateAsync(App, "topics@campaigns.test", Roles.Coordinator);
        var coordinator = NewBrowser();
        await SignInAsync(coordinator, "topics@campaigns.test", TestUsers.Password);

        var added = await PostFormAsync(coordinator, "/admin/alerts/topics", "/admin/alerts/topics", ("Name", "Press freedom"), ("Kind", "Issue"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Press freedom", WebUtility.HtmlDecode(await NewBrowser().GetStringAsync("/alerts/subscribe")), StringComparison.Ordinal);

        var duplicate = await PostFormAsync(coordinator, "/admin/alerts/topics", "/admin/alerts/topics", ("Name", "press FREEDOM"), ("Kind", "Region"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("There is already a topic with this name.", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var topic = await App.WithDbAsync(db => db.AlertTopics.SingleAsync(t => t.Name == "Press freedom"));
        await PostFormAsync(coordinator, "/admin/alerts/topics", $"/admin/alerts/topics/{topic.Id}", ("Name", "Freedom of the press"), ("Kind", "Issue"));
        var renamed = await App.WithDbAsync(db => db.AlertTopics.SingleAsync(t => t.Id == topic.Id));
        Assert.Equal(("Freedom of the press", "press-freedom", TopicKind.Issue), (renamed.Name, renamed.Code, renamed.Kind));
    }

    [Fact]
    public async Task A_supporter_cannot_change_the_topics()
    {
        await TestUsers.CreateAsync(App, "not-staff@example.org", Roles.Supporter);
        var supporter = NewBrowser();
        await SignInAsync(supporter, "not-staff@example.org", TestUsers.Password);

        Assert.Contains("/account/denied", (await supporter.GetAsync("/admin/alerts/topics")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
