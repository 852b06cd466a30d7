using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Features.Alerts;
using Campaigns.Web.Features.Alerts.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Campaigns.IntegrationTests.Alerts;

/// <summary>The alert network end to end: forms over HTTP, sends through Hangfire, mail over real SMTP.</summary>
public sealed partial class AlertNetworkTests(AlertsAppFactory app) : AppTestBase(app), IClassFixture<AlertsAppFactory>
{
    private const string Slug = "river-defenders-threatened";
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    private new AlertsAppFactory App => (AlertsAppFactory)base.App;

    [Fact]
    public async Task Subscribing_sends_only_a_confirmation_until_the_link_is_confirmed()
    {
        var browser = NewBrowser();
        var response = await PostFormAsync(browser, "/alerts/subscribe", "/alerts/subscribe",
            ("Email", " Lucia@Example.org "), ("Name", "Lucía"), ("Language", "es"), ("Interests", "latin-america"), ("Consent", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var confirmation = await App.Smtp.WaitForAsync(m => To(m, "lucia@example.org"), MailTimeout);
        Assert.Equal("Confirme su suscripción a las acciones urgentes", confirmation.Subject);
        var subscriber = await App.WithDbAsync(db => db.AlertSubscribers.AsNoTracking().SingleAsync(s => s.Email == "lucia@example.org"));
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
        Assert.Contains("unsubscribe", subscriber.ConsentText, StringComparison.Ordinal);
        Assert.NotEqual(default, subscriber.ConsentAt);

        // An alert sent now does not reach the unconfirmed address.
        await App.SendAsync(Slug, new SendForm { Kind = AlertKind.UrgentAction, Languages = ["es"] });
        await App.Smtp.WaitForAsync(m => To(m, "ana.activista@example.org") && (m.Subject ?? "").StartsWith("Acción urgente", StringComparison.Ordinal), MailTimeout);
        await App.WaitForJobsAsync(MailTimeout);
        Assert.Single(App.Smtp.Messages, m => To(m, "lucia@example.org"));

        // Opening the link confirms nothing; the button does.
        var link = Link(confirmation, "/alerts/confirm/");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link.PathAndQuery)).StatusCode);
        Assert.Equal(SubscriberStatus.Pending, await StatusAsync("lucia@example.org"));
        var confirmed = await PostFormAsync(browser, link.PathAndQuery, link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(SubscriberStatus.Active, await StatusAsync("lucia@example.org"));
    }

    [Fact]
    public async Task A_forged_confirmation_link_is_refused()
    {
        var page = await NewBrowser().GetStringAsync("/alerts/confirm/CfDJ8forged-token-value");
        Assert.Contains("This link no longer works", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_subscriber_gets_the_alert_in_their_language_DKIM_signed_with_one_click_unsubscribe()
    {
        await App.SendAsync(Slug, new SendForm { Kind = AlertKind.UrgentAction });

        var es = await App.Smtp.WaitForAsync(m => To(m, "ana.activista@example.org") && (m.Subject ?? "").StartsWith("Acción urgente", StringComparison.Ordinal), MailTimeout);
        var fr = await App.Smtp.WaitForAsync(m => To(m, "claire.militante@example.org") && (m.Subject ?? "").StartsWith("Action urgente", StringComparison.Ordinal), MailTimeout);
        var en = await App.Smtp.WaitForAsync(m => To(m, "sam.supporter@example.org") && (m.Subject ?? "").StartsWith("Urgent action", StringComparison.Ordinal), MailTimeout);

        Assert.Contains("Defensoras del río", es.Subject, StringComparison.Ordinal);
        Assert.Contains("Estimada/o Ana", es.TextBody, StringComparison.Ordinal);
        Assert.Contains("défenseures", fr.Subject, StringComparison.Ordinal);
        Assert.Contains("River defenders", en.Subject, StringComparison.Ordinal);
        foreach (var message in new[] { es, fr, en })
        {
            Assert.True(App.VerifyDkim(message), "DKIM signature does not verify");
            var signature = message.Headers[HeaderId.DkimSignature];
            Assert.Contains("list-unsubscribe-post", signature, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("^<https?://[^>]+/alerts/unsubscribe/[^>]+>$", message.Headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            Assert.NotNull(message.HtmlBody);
            Assert.NotNull(message.TextBody);
            Assert.False(string.IsNullOrEmpty(message.MessageId));
        }

        // Protected details never leave the staff pages.
        Assert.DoesNotContain("Threats received by phone", en.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_click_POST_unsubscribes_without_cookie_or_token_and_GET_does_not()
    {
        var subscriber = await App.AddSubscriberAsync("oneclick@example.org", "en");
        var token = await App.ManageTokenAsync(subscriber.Id);
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        var get = await client.GetAsync($"/alerts/unsubscribe/{token}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(SubscriberStatus.Active, await StatusAsync("oneclick@example.org"));

        var post = await client.PostAsync($"/alerts/unsubscribe/{token}", new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusAsync("oneclick@example.org"));

        var forged = await client.PostAsync("/alerts/unsubscribe/not-a-token", new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        Assert.Contains("This link no longer works", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suppressed_unsubscribed_and_paused_addresses_receive_nothing()
    {
        await App.AddSubscriberAsync("bounced@example.org", "fr");
        await App.AddSubscriberAsync("left@example.org", "fr", SubscriberStatus.Unsubscribed);
        await App.AddSubscriberAsync("resting@example.org", "fr", SubscriberStatus.Paused);
        await App.AddSubscriberAsync("present@example.org", "fr");
        await App.WithDbAsync(async db =>
        {
            db.SuppressedAddresses.Add(new SuppressedAddress { Email = "bounced@example.org", Reason = SuppressionReason.HardBounce, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var sendId = await App.SendAsync(Slug, new SendForm { Kind = AlertKind.UrgentAction, Languages = ["fr"] });
        await App.Smtp.WaitForAsync(m => To(m, "present@example.org"), MailTimeout);
        await WaitForSendAsync(sendId);

        Assert.DoesNotContain(App.Smtp.Messages, m => To(m, "bounced@example.org") || To(m, "left@example.org") || To(m, "resting@example.org"));
    }

    [Fact]
    public async Task An_update_goes_only_to_those_who_acted()
    {
        var acted = await App.AddSubscriberAsync("acted@example.org", "en", name: "Rosa");
        await App.AddSubscriberAsync("idle@example.org", "en");
        var token = await App.ManageTokenAsync(acted.Id);
        var browser = NewBrowser();
        var page = $"/alerts/{Slug}?lang=en&s={token}";
        Assert.Contains("Acting as Rosa", await browser.GetStringAsync(page), StringComparison.Ordinal);
        var act = await PostFormAsync(browser, page, $"/alerts/{Slug}/act?lang=en&s={token}", ("kind", "Letter"));
        Assert.Equal(HttpStatusCode.Redirect, act.StatusCode);
        await PostFormAsync(browser, page, $"/alerts/{Slug}/act?lang=en&s={token}", ("kind", "Letter"));
        Assert.Equal(1, await App.CountAsync(db => db.ActionsTaken.CountAsync(a => a.SubscriberId == acted.Id)));

        var sendId = await App.SendAsync(Slug, new SendForm { Kind = AlertKind.GoodNews, Message = "The defenders are safe." });
        var news = await App.Smtp.WaitForAsync(m => To(m, "acted@example.org") && (m.Subject ?? "").StartsWith("Good news", StringComparison.Ordinal), MailTimeout);
        await WaitForSendAsync(sendId);

        Assert.Contains("The defenders are safe.", news.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(App.Smtp.Messages, m => To(m, "idle@example.org") && (m.Subject ?? "").StartsWith("Good news", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_reaches_each_reader_in_the_language_the_coordinator_wrote_it_in()
    {
        await App.AddSubscriberAsync("lee-es@example.org", "es");
        await App.AddSubscriberAsync("reads-fr@example.org", "fr");

        var sendId = await App.SendAsync(Slug, new SendForm
        {
            Kind = AlertKind.FurtherInformation, OnlyThoseWhoActed = false, Languages = ["es", "fr"],
            Message = "The hearing is on Monday.", MessageEs = "La audiencia es el lunes.",
        });
        var es = await App.Smtp.WaitForAsync(m => To(m, "lee-es@example.org"), MailTimeout);
        var fr = await App.Smtp.WaitForAsync(m => To(m, "reads-fr@example.org"), MailTimeout);
        await WaitForSendAsync(sendId);

        Assert.Contains("La audiencia es el lunes.", es.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("The hearing is on Monday.", es.TextBody, StringComparison.Ordinal);
        Assert.Contains("The hearing is on Monday.", fr.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_past_its_deadline_expires_and_its_page_says_so()
    {
        await App.WithDbAsync(async db =>
        {
            db.UrgentActions.Add(new UrgentAction
            {
                Id = Guid.CreateVersion7(),
                Slug = "past-deadline",
                CaseReference = "UA-TEST-1",
                Title = "Past deadline",
                Status = ProgrammeStatus.Live,
                IssuedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30),
                Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            });
            return await db.SaveChangesAsync();
        });

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExpireUrgentActionsJob>().RunAsync(CancellationToken.None);
        }

        var action = await App.WithDbAsync(db => db.UrgentActions.AsNoTracking().SingleAsync(a => a.Slug == "past-deadline"));
        Assert.Equal(ProgrammeStatus.Closed, action.Status);
        Assert.NotNull(action.ExpiredAt);
        var page = await NewBrowser().GetStringAsync("/alerts/past-deadline");
        Assert.Contains("This action has expired", page, StringComparison.Ordinal);
        Assert.DoesNotContain("I sent a letter", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_submitted_send_request_sends_once()
    {
        var requestId = Guid.NewGuid();
        var first = await App.SendAsync(Slug, new SendForm { RequestId = requestId, Kind = AlertKind.FurtherInformation, OnlyThoseWhoActed = false, Languages = ["en"] });
        var second = await App.SendAsync(Slug, new SendForm { RequestId = requestId, Kind = AlertKind.FurtherInformation, OnlyThoseWhoActed = false, Languages = ["en"] });
        Assert.Equal(first, second);
        Assert.Equal(1, await App.CountAsync(db => db.AlertSends.CountAsync(s => s.RequestId == requestId)));
    }

    [Fact]
    public async Task Public_page_hides_protected_details_and_follows_the_visitor_language()
    {
        var browser = NewBrowser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/alerts/{Slug}"));
        Assert.Contains("Des défenseures", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Threats received by phone", page, StringComparison.Ordinal);
        Assert.Contains("Luz Adriana Camargo", page, StringComparison.Ordinal);
    }

    private async Task WaitForSendAsync(Guid sendId)
    {
        var deadline = DateTime.UtcNow + MailTimeout;
        while (await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).Select(s => s.Status).SingleAsync()) != SendStatus.Completed)
        {
            Assert.True(DateTime.UtcNow < deadline, "The send did not complete");
            await Task.Delay(100);
        }
    }

    private Task<SubscriberStatus> StatusAsync(string email) =>
        App.WithDbAsync(db => db.AlertSubscribers.Where(s => s.Email == email).Select(s => s.Status).SingleAsync());

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private static Uri Link(MimeMessage message, string path) =>
        new(LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value).First(v => v.Contains(path, StringComparison.Ordinal)));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
