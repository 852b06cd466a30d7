using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Campaigns.BrowserTests.Assistance;

[Collection(AppCollection.Name)]
public sealed class PartnerRequestTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private const string Password = "a long and quiet river";

    [Fact]
    public async Task A_partner_posts_a_request_and_accepts_a_volunteers_offer()
    {
        await CreateUserAsync("partner-browser@example.org", Roles.Partner, "tierra-y-libertad");
        var volunteerId = await CreateUserAsync("vol-browser@example.org", Roles.Volunteer, null);
        await app.WithDbAsync(async db =>
        {
            var skill = await db.Skills.Where(s => s.Slug == "digital-security").Select(s => s.Id).SingleAsync();
            db.VolunteerProfiles.Add(new VolunteerProfile { UserId = volunteerId, Remote = true, Skills = [new VolunteerSkill { VolunteerId = volunteerId, SkillId = skill, Level = SkillLevel.Expert }] });
            return await db.SaveChangesAsync();
        });

        var partnerContext = await app.Browser.NewContextAsync();
        var partner = await SignInAsync(partnerContext, "partner-browser@example.org");
        await partner.GotoAsync(app.BaseUrl + "/partner/requests/new");
        await partner.GetByLabel("Title").FillAsync("Browser-posted security training");
        await partner.GetByLabel("What you need").FillAsync("Two days of phone safety for our reporters.");
        await partner.GetByLabel("Digital security").SelectOptionAsync("required");
        await partner.GetByLabel("Remote", new() { Exact = true }).CheckAsync();
        await partner.GetByLabel("Safety notes").FillAsync("Do not name the radio in email.");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await partner.WaitForURLAsync(app.BaseUrl + "/partner/requests/browser-posted-security-training");

        var volunteerContext = await app.Browser.NewContextAsync();
        var volunteer = await SignInAsync(volunteerContext, "vol-browser@example.org");
        await volunteer.GotoAsync(app.BaseUrl + "/assistance");
        await volunteer.GetByRole(AriaRole.Link, new() { Name = "Browser-posted security training" }).ClickAsync();
        Assert.DoesNotContain("Do not name the radio", await volunteer.ContentAsync(), StringComparison.Ordinal);
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Offer to help" }).ClickAsync();
        Assert.Contains("the partner will see your offer", await volunteer.ContentAsync(), StringComparison.Ordinal);

        await partner.ReloadAsync();
        Assert.DoesNotContain("vol-browser@example.org", await partner.ContentAsync(), StringComparison.Ordinal);
        await partner.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await partner.WaitForSelectorAsync("text=You accepted the volunteer.");

        Assert.True(await partner.GetByRole(AriaRole.Link, new() { Name = "vol-browser@example.org" }).IsVisibleAsync());
        await partner.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("assistance-partner-accepted"), FullPage = true });
        await partnerContext.CloseAsync();
        await volunteerContext.CloseAsync();
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        return page;
    }

    private async Task<Guid> CreateUserAsync(string email, string role, string? partnerSlug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CampaignsDbContext>();
        var user = new CampaignsUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            PartnerOrganisationId = partnerSlug is null ? null : await db.Partners.Where(p => p.Slug == partnerSlug).Select(p => p.Id).SingleAsync(),
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return user.Id;
    }
}
