using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Campaigns.BrowserTests.Alerts;

[Collection(AppCollection.Name)]
public sealed partial class SubscribeConfirmActTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_activist_subscribes_confirms_by_email_and_acts_from_the_alert()
    {
        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/alerts/subscribe");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("paula@example.org");
        await page.GetByLabel("Name (optional)").FillAsync("Paula");
        await page.GetByLabel("Language of the alerts").SelectOptionAsync("es");
        await page.GetByLabel("I agree to receive urgent actions").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        Assert.Equal("Check your email", await page.Locator("h1").InnerTextAsync());

        var confirmation = await app.Smtp.WaitForAsync(m => To(m, "paula@example.org"), MailTimeout);
        await page.GotoAsync(app.BaseUrl + PathOf(confirmation, "/alerts/confirm/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, send me urgent actions" }).ClickAsync();
        Assert.Equal("You are subscribed", await page.Locator("h1").InnerTextAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreateAlertSend>().HandleAsync(
                "river-defenders-threatened", new SendForm { RequestId = Guid.NewGuid(), Kind = AlertKind.UrgentAction, Languages = ["es"] }, CancellationToken.None);
        }

        var alert = await app.Smtp.WaitForAsync(m => To(m, "paula@example.org") && (m.Subject ?? "").StartsWith("Acción urgente", StringComparison.Ordinal), MailTimeout);
        await page.GotoAsync(app.BaseUrl + PathOf(alert, "/alerts/river-defenders-threatened"));
        Assert.StartsWith("Defensoras del río", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Paula", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "I sent a letter" }).ClickAsync();

        Assert.Contains("Your action is counted", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1", await page.Locator("[data-count=Letter]").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("alerts-acted"), FullPage = true });
    }

    [Fact]
    public async Task An_activist_edits_the_letter_on_a_phone_and_on_a_laptop_and_sends_it()
    {
        Guid subscriberId;
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Campaigns.Web.Data.CampaignsDbContext>();
            var subscriber = new AlertSubscriber
            {
                Id = Guid.CreateVersion7(), Email = "writes.letters@example.org", Name = "Rosa Writer", Language = "en", Status = SubscriberStatus.Active,
                ConsentText = "test", ConsentAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.AlertSubscribers.Add(subscriber);
            await db.SaveChangesAsync();
            subscriberId = subscriber.Id;
            token = scope.ServiceProvider.GetRequiredService<Campaigns.Web.Features.Alerts.AlertLinks>().ManageToken(subscriberId);
        }

        foreach (var width in new[] { 390, 1366 })
        {
            await using var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{app.BaseUrl}/alerts/river-defenders-threatened?lang=en&s={Uri.EscapeDataString(token)}");
            var box = page.GetByLabel("Your letter");
            Assert.Contains("Le escribo por las integrantes", await box.InputValueAsync(), StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"horizontal scroll at {width} px");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Write to the officials" }).ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath($"alerts-letter-{width}"), FullPage = true });
            await page.Locator(".letter-writer").ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath($"alerts-letter-{width}-box") });
        }

        var laptop = await app.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        await laptop.GotoAsync($"{app.BaseUrl}/alerts/river-defenders-threatened?lang=en&s={Uri.EscapeDataString(token)}");
        await laptop.GetByLabel("Your letter").FillAsync("Le escribo desde Leeds.\n\nAtentamente,");
        await laptop.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Send my letter to") }).ClickAsync();
        Assert.Contains("on its way", await laptop.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var letter = await app.Smtp.WaitForAsync(m => (m.TextBody ?? "").Contains("Le escribo desde Leeds.", StringComparison.Ordinal), MailTimeout);
        Assert.Equal("writes.letters@example.org", letter.ReplyTo.Mailboxes.Single().Address);
        await laptop.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("alerts-letter-sent"), FullPage = true });
    }

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private static string PathOf(MimeMessage message, string path) =>
        new Uri(LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value).First(v => v.Contains(path, StringComparison.Ordinal))).PathAndQuery;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
