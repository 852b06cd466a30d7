using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Campaigns.BrowserTests.Alerts;

/// <summary>A relay that takes five messages a second, so a send of forty lasts long enough to watch.</summary>
public sealed class SlowRelayBrowserFactory : BrowserAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alerts:MaxMessagesPerSecond", "5");
    }
}

[Collection(AppCollection.Name)]
public sealed class SendProgressTests(SlowRelayBrowserFactory app) : IClassFixture<SlowRelayBrowserFactory>
{
    private const string Password = "a long and quiet river";
    private const string Slug = "river-defenders-threatened";

    [Fact]
    public async Task A_coordinator_agrees_to_the_fallback_sends_and_watches_the_progress_without_a_reload()
    {
        // The action loses its French version; forty French readers acted on it, so an update reaches them.
        await app.WithDbAsync(async db =>
        {
            var action = await db.UrgentActions.SingleAsync(a => a.Slug == Slug);
            await db.UrgentActionVersions.Where(v => v.UrgentActionId == action.Id && v.Language == "fr").ExecuteDeleteAsync();
            for (var i = 0; i < 40; i++)
            {
                var subscriber = new AlertSubscriber
                {
                    Id = Guid.CreateVersion7(), Email = $"lecteur{i:D2}@example.org", Language = "fr", Status = SubscriberStatus.Active,
                    ConsentText = "test", ConsentAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
                };
                db.AlertSubscribers.Add(subscriber);
                db.ActionsTaken.Add(new ActionTaken { Id = Guid.CreateVersion7(), UrgentActionId = action.Id, SubscriberId = subscriber.Id, Kind = ActionKind.Letter, CreatedAt = DateTimeOffset.UtcNow });
            }

            return await db.SaveChangesAsync();
        });

        var key = await CoordinatorAsync("coord-progress@example.org");
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync(app.BaseUrl + "/account/signin");
        await page.GetByLabel("Email").FillAsync("coord-progress@example.org");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(await Totp.FreshAsync(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");

        await page.GotoAsync(app.BaseUrl + $"/admin/alerts/{Slug}#send");
        var form = page.Locator("form.send-form");
        Assert.False(await page.Locator("[data-count-button]").IsVisibleAsync());
        await form.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("FurtherInformation");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "French", Exact = true }).CheckAsync();
        var warning = page.Locator("[data-fallback-warning]");
        await warning.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains("no version in French", await warning.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("[data-audience-languages] li").First.Filter(new() { HasTextString = "French" }).WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-audience-languages] li").CountAsync());
        Assert.Matches(@"^French: 4\d \(no version in this language: they get English\)$", await page.Locator("[data-audience-languages]").InnerTextAsync());
        await page.Locator("#Message").FillAsync("The collective met the prosecutor.");
        await form.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("alert-send-form-1366") });
        await page.SetViewportSizeAsync(390, 844);
        await form.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("alert-send-form-390") });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The send form scrolls sideways at 390 px");

        // Not agreed: refused with the reason beside the box, and the message kept.
        await form.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await page.Locator("#AgreeToFallback-error").WaitForAsync();
        Assert.Equal("The collective met the prosecutor.", await page.Locator("#Message").InputValueAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.AlertSends.CountAsync()));
        await page.GetByLabel("I agree: these readers get the urgent action in English.").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("#send-", StringComparison.Ordinal));
        await page.SetViewportSizeAsync(1366, 900);

        // From here on the page must not reload: a marker on the window and typed text have to survive.
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations++;
            }
        };
        await page.EvaluateAsync("window.__samePage = true");
        await page.Locator("#OutcomeText").FillAsync("Typed while the send runs");
        var panel = page.Locator(".send-panel").First;
        var sent = panel.Locator("[data-field=sent]");
        var seen = new HashSet<string>();
        var midway = false;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !(await panel.Locator("[data-field=statusText]").InnerTextAsync()).StartsWith("Completed", StringComparison.Ordinal))
        {
            var value = await sent.InnerTextAsync();
            seen.Add(value);
            if (!midway && int.TryParse(value, out var n) && n is > 5 and < 30)
            {
                midway = true;
                Assert.NotEqual("—", await panel.Locator("[data-field=rateText]").InnerTextAsync());
                await panel.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("alert-send-progress-1366") });
                await page.SetViewportSizeAsync(390, 844);
                await panel.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("alert-send-progress-390") });
                await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("alert-send-page-390"), FullPage = true });
                await page.SetViewportSizeAsync(1366, 900);
            }

            await Task.Delay(200);
        }

        Assert.StartsWith("Completed", await panel.Locator("[data-field=statusText]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(midway, "The panel never showed a send half way: " + string.Join(", ", seen));
        Assert.True(seen.Count >= 3, "The sent count did not move: " + string.Join(", ", seen));
        var total = await panel.Locator("[data-field=recipients]").InnerTextAsync();
        Assert.True(int.Parse(total, System.Globalization.CultureInfo.InvariantCulture) >= 40, total);
        Assert.Equal(total, await sent.InnerTextAsync());
        Assert.Equal(int.Parse(total, System.Globalization.CultureInfo.InvariantCulture), await panel.Locator("progress").EvaluateAsync<int>("bar => bar.value"));
        Assert.Equal("—", await panel.Locator("[data-field=timeLeftText]").InnerTextAsync());
        Assert.Equal(0, navigations);
        Assert.True(await page.EvaluateAsync<bool>("window.__samePage === true"), "The page reloaded");
        Assert.Equal("Typed while the send runs", await page.Locator("#OutcomeText").InputValueAsync());
        Assert.False(await page.Locator("[data-refresh]").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("alert-send-completed-1366"), FullPage = true });

        Assert.Empty(await page.EvaluateAsync<string[]>("window.__csp"));
        Assert.Empty(problems);
        await context.CloseAsync();
    }

    /// <summary>A coordinator with two-step verification on, as the app requires; returns the authenticator key.</summary>
    private async Task<string> CoordinatorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
        var user = new CampaignsUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Coordinator" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Coordinator);
        await users.ResetAuthenticatorKeyAsync(user);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }
}
