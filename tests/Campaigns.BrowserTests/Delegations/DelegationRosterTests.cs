using System.Globalization;
using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Delegations;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Campaigns.BrowserTests.Delegations;

[Collection(AppCollection.Name)]
public sealed class DelegationRosterTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private const string Password = "a long and quiet river";

    [Fact]
    public async Task A_coordinator_opens_a_roster_a_volunteer_applies_and_once_approved_sees_they_are_on_it()
    {
        var key = await CreateUserAsync("coord-roster-browser@example.org", Roles.Coordinator);
        await CreateUserAsync("vol-roster-browser@example.org", Roles.Volunteer);
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(12);

        var coordinatorContext = await app.Browser.NewContextAsync();
        var coordinator = await coordinatorContext.NewPageAsync();
        await SignInWithPasswordAsync(coordinator, "coord-roster-browser@example.org");
        await coordinator.WaitForURLAsync(url => url.Contains("/account/two-factor/signin", StringComparison.Ordinal));
        await coordinator.GetByLabel("Code", new() { Exact = true }).FillAsync(await Totp.FreshAsync(key!));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await coordinator.WaitForURLAsync(app.BaseUrl + "/");

        await coordinator.GotoAsync(app.BaseUrl + "/admin/delegations/new");
        await coordinator.GetByLabel("Title", new() { Exact = true }).FillAsync("Browser accompaniment in Olancho");
        await coordinator.GetByLabel("Purpose", new() { Exact = true }).FillAsync("Protective presence for a land defenders' assembly.");
        await coordinator.GetByLabel("City", new() { Exact = true }).FillAsync("Juticalpa");
        await coordinator.GetByLabel("Country", new() { Exact = true }).FillAsync("HN");
        await coordinator.GetByLabel("First day", new() { Exact = true }).FillAsync(Day(firstDay));
        await coordinator.GetByLabel("Last day", new() { Exact = true }).FillAsync(Day(firstDay.AddDays(5)));
        await coordinator.Locator("#Roles_0_Name").FillAsync("Observer");
        await coordinator.Locator("#Roles_0_Needed").FillAsync("2");
        await coordinator.GetByLabel("Briefing", new() { Exact = true }).FillAsync("Meet at the bus station at 07:00.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await coordinator.WaitForURLAsync(url => url.Contains("/admin/delegations/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        Assert.Equal("Browser accompaniment in Olancho", await coordinator.Locator("h1").InnerTextAsync());
        var rosterUrl = coordinator.Url;

        var volunteerContext = await app.Browser.NewContextAsync();
        var volunteer = await volunteerContext.NewPageAsync();
        await SignInWithPasswordAsync(volunteer, "vol-roster-browser@example.org");
        await volunteer.WaitForURLAsync(app.BaseUrl + "/");
        await volunteer.GotoAsync(app.BaseUrl + "/delegations");
        await volunteer.GetByRole(AriaRole.Link, new() { Name = "Browser accompaniment in Olancho" }).ClickAsync();
        Assert.DoesNotContain("Meet at the bus station", await volunteer.ContentAsync(), StringComparison.Ordinal);
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Apply for this role" }).ClickAsync();
        Assert.Contains("A coordinator will review your application.", await volunteer.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await volunteer.Locator("[data-my-status=Pending]").CountAsync());

        await coordinator.GotoAsync(rosterUrl);
        var row = coordinator.Locator("tr", new() { HasText = "vol-roster-browser@example.org" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await coordinator.WaitForSelectorAsync("text=1 of 2 places filled");
        Assert.Equal(0, await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).CountAsync());

        await volunteer.ReloadAsync();
        Assert.Equal(1, await volunteer.Locator("[data-my-status=Approved]").CountAsync());
        Assert.Contains("You applied as Observer.", await volunteer.Locator("[data-my-status]").InnerTextAsync(), StringComparison.Ordinal);
        await app.Smtp.WaitForAsync(m => To(m, "vol-roster-browser@example.org") && m.Subject == "You are on the delegation roster", TimeSpan.FromSeconds(30));
        Assert.Equal(ApplicationStatus.Approved, await app.WithDbAsync(db => db.RosterApplications
            .Where(a => db.Users.Any(u => u.Id == a.UserId && u.Email == "vol-roster-browser@example.org")).Select(a => a.Status).SingleAsync()));
        await volunteer.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("delegation-approved"), FullPage = true });
        await coordinatorContext.CloseAsync();
        await volunteerContext.CloseAsync();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync(app.BaseUrl + "/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>A confirmed user; staff come with two-step verification on, as the app requires. Returns their authenticator key.</summary>
    private async Task<string?> CreateUserAsync(string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
        var user = new CampaignsUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        if (role != Roles.Coordinator)
        {
            return null;
        }

        await users.ResetAuthenticatorKeyAsync(user);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return await users.GetAuthenticatorKeyAsync(user);
    }
}
