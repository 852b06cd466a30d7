using Campaigns.Testing;
using Microsoft.Playwright;

namespace Campaigns.BrowserTests.Home;

[Collection(AppCollection.Name)]
public sealed class HomePageTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task The_home_page_renders_the_live_programmes_in_a_real_browser()
    {
        var page = await app.Browser.NewPageAsync();

        var response = await page.GotoAsync(app.BaseUrl + "/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Solidarity with movements that define their own needs", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Voices from the maquilas" }).IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("home"), FullPage = true });
    }

    [Fact]
    public async Task A_visitor_follows_a_programme_link_from_the_home_page()
    {
        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Clinic supplies for North Kivu" }).ClickAsync();

        Assert.EndsWith("/aid/clinic-supplies-north-kivu", page.Url, StringComparison.Ordinal);
        Assert.Equal("Clinic supplies for North Kivu", await page.Locator("h1").InnerTextAsync());
    }
}
