using Campaigns.Testing;
using Microsoft.Playwright;

namespace Campaigns.BrowserTests.Aid;

[Collection(AppCollection.Name)]
public sealed class DonatePageTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task A_visitor_pledges_a_suggested_amount_from_the_public_donate_page_in_a_real_browser()
    {
        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/aid/clinic-supplies-north-kivu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Donate" }).ClickAsync();

        Assert.EndsWith("/aid/clinic-supplies-north-kivu/donate", page.Url, StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("pledge-mode").IsVisibleAsync());
        await page.GetByLabel("25.00 EUR").CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Browser Donor");
        await page.GetByLabel("Email").FillAsync("browser-donor@example.org");
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("aid-donate"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Pledge my gift" }).ClickAsync();

        await page.WaitForURLAsync("**/thanks/**");
        Assert.Contains("Pledged", await page.GetByTestId("status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("IBAN", await page.Locator("pre.instructions").InnerTextAsync(), StringComparison.Ordinal);
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains("browser-donor@example.org", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task An_amount_below_the_minimum_is_explained_on_the_page()
    {
        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/aid/clinic-supplies-north-kivu/donate");
        await page.GetByLabel("Another amount").FillAsync("0.10");
        await page.GetByLabel("Email").FillAsync("too-little@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pledge my gift" }).ClickAsync();

        Assert.Contains("between the minimum and the maximum", await page.Locator(".errors").InnerTextAsync(), StringComparison.Ordinal);
    }
}
