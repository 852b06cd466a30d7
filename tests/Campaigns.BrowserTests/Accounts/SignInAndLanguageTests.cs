using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Campaigns.BrowserTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class SignInAndLanguageTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private const string Password = "a long and quiet river";

    [Fact]
    public async Task A_user_signs_in_switches_to_spanish_and_sees_the_page_in_spanish()
    {
        await CreateUserAsync("lucia@example.org");
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/account/signin");
        await page.GetByLabel("Email").FillAsync("lucia@example.org");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "lucia@example.org" }).IsVisibleAsync());

        await page.GetByLabel("Language").SelectOptionAsync("es");
        await page.WaitForSelectorAsync("html[lang=es]");

        Assert.Equal("Solidaridad con movimientos que definen sus propias necesidades", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Giras de oradores" }).First.IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("signed-in-spanish"), FullPage = true });

        // The choice is remembered: the next page is in Spanish too.
        await page.GotoAsync(app.BaseUrl + "/tours");
        Assert.Equal("Giras de oradores", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_next_to_the_form()
    {
        await CreateUserAsync("mateo@example.org");
        var page = await app.Browser.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/account/signin");
        await page.GetByLabel("Email").FillAsync("mateo@example.org");
        await page.GetByLabel("Password").FillAsync("not the right password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        Assert.Contains("The email address or password is not right.", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task CreateUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
        var user = new CampaignsUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Supporter);
    }
}
