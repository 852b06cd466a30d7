using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;

namespace Campaigns.IntegrationTests.Partners;

public sealed class PartnersTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private async Task<HttpClient> CoordinatorAsync(string email)
    {
        await TestUsers.CreateAsync(App, email, Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, email, TestUsers.Password);
        return browser;
    }

    [Fact]
    public async Task A_coordinator_adds_a_partner_organisation_with_a_readable_slug_and_a_contact()
    {
        var browser = await CoordinatorAsync("coord-a@example.org");

        var created = await PostFormAsync(browser, "/admin/partners/new", "/admin/partners/new",
            ("Name", "Unión de Trabajadoras Domésticas"), ("PublicName", "A domestic workers' union in Peru"),
            ("CountryCode", "pe"), ("Sector", "Labour"), ("Visibility", "Protected"));
        Assert.Equal("/admin/partners/union-de-trabajadoras-domesticas", created.Headers.Location?.OriginalString);
        await PostFormAsync(browser, "/admin/partners/union-de-trabajadoras-domesticas", "/admin/partners/union-de-trabajadoras-domesticas/contacts",
            ("Name", "Rosa (pseudonym)"), ("Email", "rosa@example.org"));

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/admin/partners/union-de-trabajadoras-domesticas"));
        Assert.Contains("PE", page, StringComparison.Ordinal);
        Assert.Contains("Rosa (pseudonym)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_without_a_valid_country_is_refused_with_a_message_and_not_saved()
    {
        var browser = await CoordinatorAsync("coord-b@example.org");

        var response = await PostFormAsync(browser, "/admin/partners/new", "/admin/partners/new",
            ("Name", "Nowhere Collective"), ("PublicName", "Nowhere"), ("CountryCode", "Narnia"), ("Sector", "Labour"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("two-letter country code", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => Task.FromResult(db.Partners.Any(p => p.Name == "Nowhere Collective"))));
    }

    [Fact]
    public async Task A_supporter_cannot_see_partner_contacts()
    {
        await TestUsers.CreateAsync(App, "supporter-p@example.org", Roles.Supporter);
        var browser = NewBrowser();
        await SignInAsync(browser, "supporter-p@example.org", TestUsers.Password);

        var response = await browser.GetAsync("/admin/partners/tierra-y-libertad");

        Assert.Contains("/account/denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
