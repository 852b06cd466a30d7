using System.Net;
using Campaigns.Testing;

namespace Campaigns.IntegrationTests.Security;

public sealed class AntiforgeryTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        var response = await NewBrowser().PostAsync("/account/signin", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("Email", App.AdminEmail),
            KeyValuePair.Create("Password", "whatever it is"),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_post_without_the_antiforgery_token_changes_nothing()
    {
        await TestUsers.CreateAsync(App, "admin2@example.org", Web.Domain.Identity.Roles.Admin);
        var browser = NewBrowser();
        await SignInAsync(browser, "admin2@example.org", TestUsers.Password);

        var response = await browser.PostAsync("/admin/partners/new", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("Name", "Forged partner"),
            KeyValuePair.Create("PublicName", "Forged partner"),
            KeyValuePair.Create("CountryCode", "FR"),
            KeyValuePair.Create("Sector", "None"),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await App.WithDbAsync(db => Task.FromResult(db.Partners.Any(p => p.Name == "Forged partner"))));
    }
}
