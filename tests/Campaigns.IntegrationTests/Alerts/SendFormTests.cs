using System.Net;
using System.Net.Http.Json;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Alerts;

/// <summary>
/// The send form as a coordinator uses it: who a send reaches per language, the agreement when some readers get the
/// main language, the live progress of a real send to the SMTP sink, and times read in the coordinator's zone.
/// </summary>
public sealed class SendFormTests(AlertsAppFactory app) : AppTestBase(app), IClassFixture<AlertsAppFactory>
{
    private new AlertsAppFactory App => (AlertsAppFactory)base.App;

    [Fact]
    public async Task The_form_counts_recipients_per_language_for_the_languages_topics_and_actors_chosen()
    {
        var browser = await CoordinatorAsync("counter@campaigns.test");
        var (slug, actionId) = await ActionWithoutFrenchAsync(browser, "UA-COUNT-1", "Union leaders arrested");
        var es1 = await App.AddSubscriberAsync("es1.count@example.org", "es");
        var es2 = await App.AddSubscriberAsync("es2.count@example.org", "es");
        var fr1 = await App.AddSubscriberAsync("fr1.count@example.org", "fr");
        await App.AddSubscriberAsync("fr2.count@example.org", "fr");
        var paused = await App.AddSubscriberAsync("paused.count@example.org", "es", SubscriberStatus.Paused);
        await FollowAsync(es2.Id, "africa");
        await ActedAsync(actionId, es1.Id, es2.Id, fr1.Id, paused.Id);

        var actors = await AudienceAsync(browser, slug, "OnlyThoseWhoActed=true");
        Assert.Equal(3, actors.Total);
        Assert.Equal([("en", 0), ("es", 2), ("fr", 1)], actors.Languages.Select(l => (l.Language, l.Count)));
        Assert.Equal(["French"], actors.Languages.Where(l => !l.HasVersion).Select(l => l.Name));
        Assert.Equal(["fr"], actors.WithoutVersion);
        Assert.Contains("no version in French", actors.Warning, StringComparison.Ordinal);

        // Someone who chose no topic follows everything; es2 follows Africa only.
        var landActors = await AudienceAsync(browser, slug, "OnlyThoseWhoActed=true&Interests=land-defenders&Languages=es");
        Assert.Equal([("es", 1)], landActors.Languages.Select(l => (l.Language, l.Count)));
        Assert.Empty(landActors.WithoutVersion);
        Assert.Null(landActors.Warning);

        // An update goes by default only to those who acted; the page says so before sending.
        var update = await AudienceAsync(browser, slug, "Kind=GoodNews&Languages=fr");
        Assert.Equal(1, update.Total);

        var spanish = WebUtility.HtmlDecode(await GetAsync(browser, $"/admin/alerts/{slug}", "es"));
        Assert.Contains("francés", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain(">fr<", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_reaching_readers_of_a_language_without_a_version_needs_the_coordinators_agreement()
    {
        var browser = await CoordinatorAsync("agreer@campaigns.test");
        var (slug, _) = await ActionWithoutFrenchAsync(browser, "UA-AGREE-1", "Teachers threatened");
        await App.AddSubscriberAsync("fr.agree@example.org", "fr");
        var requestId = Guid.NewGuid();

        var refused = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/{slug}/sends",
            ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"), ("Languages", "fr"), ("Message", "Please act today."));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("The urgent action has no version in French: those readers get it in English. Tick the box to agree", page, StringComparison.Ordinal);
        Assert.Contains("id=\"AgreeToFallback-error\"", page, StringComparison.Ordinal);
        Assert.Contains("Please act today.", page, StringComparison.Ordinal);
        Assert.Contains(requestId.ToString(), page, StringComparison.Ordinal);

        // Agreeing to another language's fallback is not agreeing to this one.
        var wrong = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/{slug}/sends",
            ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"), ("Languages", "fr"), ("AgreeToFallback", "es"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var counted = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/{slug}/sends",
            ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"), ("Languages", "fr"), ("AgreeToFallback", "fr"), ("Intent", "count"));
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.AlertSends.CountAsync(s => s.RequestId == requestId)));

        var agreed = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/{slug}/sends",
            ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"), ("Languages", "fr"), ("AgreeToFallback", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.AlertSends.CountAsync(s => s.RequestId == requestId)));

        // A fully translated audience asks nothing.
        var spanishOnly = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/{slug}/sends",
            ("RequestId", Guid.NewGuid().ToString()), ("Kind", "UrgentAction"), ("Languages", "es"));
        Assert.Equal(HttpStatusCode.Redirect, spanishOnly.StatusCode);
    }

    [Fact]
    public async Task The_progress_endpoint_reports_a_real_send_as_the_sink_receives_it()
    {
        var browser = await CoordinatorAsync("progress@campaigns.test");
        var (slug, actionId) = await ActionWithoutFrenchAsync(browser, "UA-PROGRESS-1", "Journalists followed");
        var ids = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            ids.Add((await App.AddSubscriberAsync($"p{i:D2}.progress@example.org", "es")).Id);
        }

        await ActedAsync(actionId, [.. ids]);
        var requestId = Guid.NewGuid();
        var sent = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/{slug}/sends",
            ("RequestId", requestId.ToString()), ("Kind", "FurtherInformation"), ("Message", "They were followed again."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var sendId = await App.WithDbAsync(db => db.AlertSends.Where(s => s.RequestId == requestId).Select(s => s.Id).SingleAsync());
        Assert.EndsWith("#send-" + sendId, sent.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        ProgressJson progress;
        do
        {
            await Task.Delay(100);
            progress = (await browser.GetFromJsonAsync<ProgressJson>($"/admin/alerts/sends/{sendId}/progress"))!;
            Assert.InRange(progress.Sent + progress.Failed, 0, 24);
            Assert.Equal(progress.Recipients - progress.Sent - progress.Failed, progress.Remaining);
        }
        while (progress.Status != "Completed" && DateTime.UtcNow < deadline);

        Assert.Equal("Completed", progress.Status);
        Assert.Equal(24, progress.Recipients);
        Assert.Equal(24, progress.Sent);
        Assert.Equal(0, progress.Failed);
        Assert.Equal(100, progress.Percent);
        Assert.False(progress.Active);
        Assert.Null(progress.Problem);
        Assert.Null(progress.SecondsLeft);
        Assert.StartsWith("Completed ", progress.StatusText, StringComparison.Ordinal);
        Assert.EndsWith("(UTC)", progress.StatusText, StringComparison.Ordinal);
        var received = App.Smtp.Messages.Count(m => m.To.Mailboxes.Any(b => b.Address.EndsWith(".progress@example.org", StringComparison.Ordinal)));
        Assert.Equal(24, received);

        var snapshot = WebUtility.HtmlDecode(await browser.GetStringAsync($"/admin/alerts/{slug}"));
        Assert.Contains($"data-progress-url=\"/admin/alerts/sends/{sendId}/progress\"", snapshot, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/alerts/" + slug + "#sends\">Refresh</a>", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", snapshot, StringComparison.Ordinal);

        // A refusal the server gave for one mailbox reads as words, in the reader's language.
        await App.WithDbAsync(db => db.AlertDeliveries.Where(d => d.AlertSendId == sendId).OrderBy(d => d.Id).Take(1)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.SentAt, (DateTimeOffset?)null).SetProperty(x => x.FailedAt, DateTimeOffset.UtcNow)
                .SetProperty(x => x.LastError, "550 5.1.1 Recipient address rejected")));
        var refused = (await browser.GetFromJsonAsync<ProgressJson>($"/admin/alerts/sends/{sendId}/progress"))!;
        Assert.Equal((23, 1), (refused.Sent, refused.Failed));
        Assert.Equal("the mail server says the mailbox does not exist (reply 550)", refused.Problem);
        var inSpanish = System.Text.Json.JsonSerializer.Deserialize<ProgressJson>(await GetAsync(browser, $"/admin/alerts/sends/{sendId}/progress", "es"), Json)!;
        Assert.Equal("el servidor de correo dice que el buzón no existe (respuesta 550)", inSpanish.Problem);

        var stranger = NewBrowser();
        var anonymous = await stranger.GetAsync($"/admin/alerts/sends/{sendId}/progress");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_scheduled_send_is_read_in_the_coordinators_time_zone_and_stored_in_utc()
    {
        var browser = await CoordinatorAsync("madrid@campaigns.test");
        var (slug, _) = await ActionWithoutFrenchAsync(browser, "UA-ZONE-1", "Lawyers harassed");
        var unknown = await PostFormAsync(browser, "/account/time-zone", "/account/time-zone", ("TimeZone", "Europe/Atlantis"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(browser, "/account/time-zone", "/account/time-zone", ("TimeZone", "Europe/Madrid"))).StatusCode);

        // Summer time (UTC+2), winter time (UTC+1).
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 7, 30, 0, TimeSpan.Zero), await ScheduleAsync(browser, slug, "2027-07-01T09:30"));
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 8, 30, 0, TimeSpan.Zero), await ScheduleAsync(browser, slug, "2027-01-15T09:30"));

        // 02:30 on 28 March 2027 never happens in Madrid: the clocks go from 02:00 to 03:00.
        var requestId = Guid.NewGuid();
        var skipped = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/{slug}/sends",
            ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"), ("Languages", "es"), ("ScheduledFor", "2027-03-28T02:30"));
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        Assert.Contains("does not exist in Europe/Madrid: the clocks go forward then", WebUtility.HtmlDecode(await skipped.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.AlertSends.CountAsync(s => s.RequestId == requestId)));

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/admin/alerts/{slug}"));
        Assert.Contains("In your time zone, Europe/Madrid.", page, StringComparison.Ordinal);
        Assert.Contains("Scheduled for Thursday, July 1, 2027 9:30 AM (Europe/Madrid)", page.Replace('\u202f', ' '), StringComparison.Ordinal);

        // Guatemala keeps UTC-6 all year.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(browser, "/account/time-zone", "/account/time-zone", ("TimeZone", "America/Guatemala"))).StatusCode);
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 15, 30, 0, TimeSpan.Zero), await ScheduleAsync(browser, slug, "2027-07-01T09:30"));
        Assert.Equal("America/Guatemala", await App.WithDbAsync(db => db.Users.Where(u => u.Email == "madrid@campaigns.test").Select(u => u.TimeZone).SingleAsync()));
    }

    [Fact]
    public async Task A_failed_send_shows_its_reason_in_words_in_the_readers_language_with_a_resume_button()
    {
        var browser = await CoordinatorAsync("failed@campaigns.test");
        var (slug, _) = await ActionWithoutFrenchAsync(browser, "UA-FAILED-1", "Miners detained");
        var requestId = Guid.NewGuid();
        var scheduled = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/{slug}/sends",
            ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"), ("Languages", "es"), ("ScheduledFor", "2030-01-01T10:00"));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var sendId = await App.WithDbAsync(db => db.AlertSends.Where(s => s.RequestId == requestId).Select(s => s.Id).SingleAsync());
        await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, SendStatus.Failed).SetProperty(x => x.Problem, SendProblem.LoginRefused)
            .SetProperty(x => x.ProblemSince, DateTimeOffset.UtcNow.AddHours(-1)).SetProperty(x => x.ProblemDetail, "535 5.7.8 Authentication credentials invalid")));

        var progress = (await browser.GetFromJsonAsync<ProgressJson>($"/admin/alerts/sends/{sendId}/progress"))!;
        Assert.Equal("the mail server refused the login", progress.Problem);
        Assert.StartsWith("Stopped: nothing could be sent since", progress.StatusText, StringComparison.Ordinal);
        Assert.False(progress.Active);

        var french = WebUtility.HtmlDecode(await GetAsync(browser, $"/admin/alerts/{slug}", "fr"));
        Assert.Contains("le serveur de messagerie a refusé l’identification", french, StringComparison.Ordinal);
        Assert.Contains($"action=\"/admin/alerts/sends/{sendId}/resume\"", french, StringComparison.Ordinal);
        Assert.Contains("Reprendre l’envoi", french, StringComparison.Ordinal);
        var spanish = WebUtility.HtmlDecode(await GetAsync(browser, $"/admin/alerts/{slug}", "es"));
        Assert.Contains("el servidor de correo rechazó el inicio de sesión", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("535 5.7.8", spanish, StringComparison.Ordinal);

        var resumed = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/sends/{sendId}/resume");
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        Assert.NotEqual(SendStatus.Failed, await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).Select(s => s.Status).SingleAsync()));
    }

    private async Task<DateTimeOffset> ScheduleAsync(HttpClient browser, string slug, string local)
    {
        var requestId = Guid.NewGuid();
        var response = await PostFormAsync(browser, $"/admin/alerts/{slug}", $"/admin/alerts/{slug}/sends",
            ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"), ("Languages", "es"), ("ScheduledFor", local));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await App.WithDbAsync(db => db.AlertSends.Where(s => s.RequestId == requestId).Select(s => s.ScheduledFor).SingleAsync());
    }

    private async Task<HttpClient> CoordinatorAsync(string email)
    {
        await TestUsers.CreateAsync(App, email, Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, email, TestUsers.Password);
        return browser;
    }

    /// <summary>An urgent action written in English with a Spanish version and none in French, through the admin form.</summary>
    private async Task<(string Slug, Guid Id)> ActionWithoutFrenchAsync(HttpClient browser, string reference, string title)
    {
        var created = await PostFormAsync(browser, "/admin/alerts/new", "/admin/alerts/new",
            ("CaseReference", reference), ("Title", title), ("Summary", "Summary."), ("Status", "Live"),
            ("Versions[0].Language", "es"), ("Versions[0].Title", title + " (es)"), ("Versions[1].Language", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var slug = created.Headers.Location!.OriginalString["/admin/alerts/".Length..];
        return (slug, await App.WithDbAsync(db => db.UrgentActions.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync()));
    }

    private Task ActedAsync(Guid actionId, params Guid[] subscriberIds) => App.WithDbAsync(async db =>
    {
        db.ActionsTaken.AddRange(subscriberIds.Select(id => new ActionTaken
        {
            Id = Guid.CreateVersion7(), UrgentActionId = actionId, SubscriberId = id, Kind = ActionKind.Letter, CreatedAt = DateTimeOffset.UtcNow,
        }));
        return await db.SaveChangesAsync();
    });

    private Task FollowAsync(Guid subscriberId, string topic) => App.WithDbAsync(db =>
        db.AlertSubscribers.Where(s => s.Id == subscriberId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Interests, TagList.From([topic]))));

    private static async Task<AudienceJson> AudienceAsync(HttpClient browser, string slug, string query) =>
        (await browser.GetFromJsonAsync<AudienceJson>($"/admin/alerts/{slug}/audience?{query}"))!;

    private static async Task<string> GetAsync(HttpClient browser, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await browser.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record AudienceJson(int Total, IReadOnlyList<LanguageJson> Languages, IReadOnlyList<string> WithoutVersion, string? Warning);

    private sealed record LanguageJson(string Language, string Name, int Count, bool HasVersion);

    private sealed record ProgressJson(
        string Status, int Recipients, int Sent, int Failed, int Remaining, double PerSecond, bool Active, double Percent, double? SecondsLeft,
        string StatusText, string? Problem);
}
