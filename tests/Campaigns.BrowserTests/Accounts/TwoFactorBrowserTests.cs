using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Campaigns.BrowserTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class TwoFactorBrowserTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private const string Password = "a long and quiet river";

    [Fact]
    public async Task A_new_coordinator_sets_up_an_authenticator_at_first_sign_in_then_signs_in_with_a_code()
    {
        await CreateCoordinatorAsync("coord-2fa@example.org");
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await SignInWithPasswordAsync(page, "coord-2fa@example.org");
        await page.WaitForURLAsync(app.BaseUrl + "/account/two-factor/setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show me the key" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-authenticator-key]");
        Assert.True(await page.Locator(".qr-code svg").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("two-factor-setup"), FullPage = true });
        var key = (await page.Locator("[data-authenticator-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from your authenticator app").FillAsync(await Totp.FreshAsync(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step verification" }).ClickAsync();

        Assert.Equal("Your recovery codes", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(10, await page.Locator(".recovery-codes li").CountAsync());
        await page.GotoAsync(app.BaseUrl + "/admin/partners");
        Assert.Equal(app.BaseUrl + "/admin/partners", page.Url);
        await context.CloseAsync();

        var again = await app.Browser.NewPageAsync();
        await SignInWithPasswordAsync(again, "coord-2fa@example.org");
        await again.WaitForURLAsync(url => url.Contains("/account/two-factor/signin", StringComparison.Ordinal));
        await again.GetByLabel("Code", new() { Exact = true }).FillAsync(await Totp.FreshAsync(key));
        await again.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await again.WaitForURLAsync(app.BaseUrl + "/");
        await again.GotoAsync(app.BaseUrl + "/admin/partners");
        Assert.Equal(app.BaseUrl + "/admin/partners", again.Url);
    }

    private async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync(app.BaseUrl + "/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private async Task CreateCoordinatorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
        var user = new CampaignsUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Coordinator);
    }
}
