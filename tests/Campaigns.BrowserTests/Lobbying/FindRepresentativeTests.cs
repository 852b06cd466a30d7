using Campaigns.Testing;
using Campaigns.Web.Domain.Lobbying;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Campaigns.BrowserTests.Lobbying;

[Collection(AppCollection.Name)]
public sealed class FindRepresentativeTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task A_supporter_finds_their_representative_by_district_and_logs_a_call()
    {
        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/lobbying/garment-workers-freedom-to-organise-motion");
        Assert.StartsWith("Back the motion", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Country").SelectOptionAsync("GB");
        await page.GetByLabel("District or constituency").SelectOptionAsync(new SelectOptionValue { Label = "Bristol Central" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Find my representative" }).ClickAsync();

        Assert.Equal("Your representatives", await page.Locator("h1").InnerTextAsync());
        var card = page.Locator("section.representative", new() { HasText = "Alex Morgan MP" });
        await card.GetByLabel("Your name").Last.FillAsync("Robin");
        await card.GetByLabel("What you did").SelectOptionAsync("Call");
        await card.GetByLabel("What they said").SelectOptionAsync("Supportive");
        await card.GetByRole(AriaRole.Button, new() { Name = "Log it" }).ClickAsync();

        Assert.Contains("What you heard is on the scorecard", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("lobbying-call-logged"), FullPage = true });

        var logged = await app.WithDbAsync(db => db.LobbyingContacts.AsNoTracking().SingleAsync(c => c.SupporterName == "Robin"));
        Assert.Equal(ContactKind.Call, logged.Kind);
        Assert.Equal(ContactOutcome.Supportive, logged.Outcome);

        await page.GotoAsync(app.BaseUrl + "/lobbying/garment-workers-freedom-to-organise-motion/scorecard");
        Assert.Equal("Supportive", await page.Locator("tr", new() { HasText = "Alex Morgan MP" }).Locator("[data-position]").InnerTextAsync());
    }
}
