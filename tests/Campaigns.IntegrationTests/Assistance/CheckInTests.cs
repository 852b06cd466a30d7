using System.Text.RegularExpressions;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Features.Assistance.CheckIns;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.IntegrationTests.Assistance;

/// <summary>
/// Check-ins on the reminder engine, on a controlled clock: due links go out by email, a confirmation stops the
/// alarm, a miss raises it once, even after the engine was down longer than its catch-up window.
/// </summary>
public sealed partial class CheckInTests(AssistanceAppFactory app) : AppTestBase(app), IClassFixture<AssistanceAppFactory>
{
    private const string CheckInKind = "reminder:" + CheckInReminderKinds.CheckIn;
    private const string MissedKind = "reminder:" + CheckInReminderKinds.MissedCheckIn;
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(20);

    private async Task<HttpClient> BrowserForAsync(string email)
    {
        var browser = NewBrowser();
        await SignInAsync(browser, email, TestUsers.Password);
        return browser;
    }

    /// <summary>One run of the engine's recurring job, as Hangfire would, then the send jobs it queued.</summary>
    private async Task RunEngineAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DueRemindersJob>().RunAsync(CancellationToken.None);
        }

        await App.WaitForJobsAsync(MailTimeout);
    }

    /// <summary>Two runs at once, as on two nodes, then one more.</summary>
    private async Task RunEngineTwiceAsync()
    {
        await Task.WhenAll(RunEngineAsync(), RunEngineAsync());
        await RunEngineAsync();
    }

    /// <summary>
    /// A partner's on-site request, a volunteer who offered and was accepted and briefed, and the assignment started
    /// (unless <paramref name="start"/> is false), by the coordinator named "coord-{name}".
    /// </summary>
    private async Task<(Guid Id, HttpClient Coordinator)> DeploymentAsync(string name, bool start = true)
    {
        await AssistanceJourney.PartnerAsync(App, $"partner-{name}@example.org", "tierra-y-libertad");
        var partner = await BrowserForAsync($"partner-{name}@example.org");
        var slug = "field-trip-" + name;
        await PostFormAsync(partner, "/partner/requests/new", "/partner/requests/new",
            ("Title", "Field trip " + name), ("Summary", "On-site training."), ("OnSite", "true"), ("Location", "La Ceiba"),
            ($"Skills[{await AssistanceJourney.SkillAsync(App, "training")}]", "required"));
        var volunteerUser = await TestUsers.CreateAsync(App, $"vol-{name}@example.org", Roles.Volunteer);
        var volunteer = await BrowserForAsync($"vol-{name}@example.org");
        await PostFormAsync(volunteer, "/volunteer/profile", "/volunteer/profile",
            ($"Skills[{await AssistanceJourney.SkillAsync(App, "training")}]", "Expert"), ("OnSite", "true"));
        await PostFormAsync(volunteer, "/assistance/" + slug, $"/assistance/{slug}/offer");
        var id = await App.WithDbAsync(db => db.Deployments.Where(d => d.VolunteerId == volunteerUser.Id).Select(d => d.Id).SingleAsync());
        await PostFormAsync(partner, "/partner/requests/" + slug, $"/partner/deployments/{id}/accept");
        await TestUsers.CreateAsync(App, $"coord-{name}@example.org", Roles.Coordinator);
        var coordinator = await BrowserForAsync($"coord-{name}@example.org");
        await PostFormAsync(coordinator, $"/admin/assistance/deployments/{id}", $"/admin/assistance/deployments/{id}/brief");
        if (start)
        {
            await StartAsync(coordinator, id);
        }

        return (id, coordinator);
    }

    private static Task StartAsync(HttpClient coordinator, Guid id) =>
        PostFormAsync(coordinator, $"/admin/assistance/deployments/{id}", $"/admin/assistance/deployments/{id}/start");

    private static Task ScheduleAsync(HttpClient coordinator, Guid id, int everyHours, int graceHours) =>
        PostFormAsync(coordinator, $"/admin/assistance/deployments/{id}", $"/admin/assistance/deployments/{id}/check-ins",
            ("EveryHours", everyHours.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("GraceHours", graceHours.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private Task<int> EmailsAsync(string kind, string to) =>
        App.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.Kind == kind && e.ToAddress == to));

    private Task<int> CheckInsAsync(Guid deploymentId) =>
        App.WithDbAsync(db => db.CheckIns.CountAsync(c => c.DeploymentId == deploymentId));

    [Fact]
    public async Task A_volunteer_on_assignment_confirms_by_the_emailed_link_and_a_missed_check_in_alerts_the_coordinator_once()
    {
        var (id, coordinator) = await DeploymentAsync("with-check-ins");
        await ScheduleAsync(coordinator, id, everyHours: 48, graceHours: 6);

        // Not due yet: nothing is sent.
        await RunEngineAsync();
        Assert.Equal(0, await CheckInsAsync(id));

        // First check-in falls due; the volunteer taps "I am safe".
        app.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        await RunEngineTwiceAsync();
        var first = await App.Smtp.WaitForAsync(m => To(m, "vol-with-check-ins@example.org") && m.Subject == "Check in: are you safe?", MailTimeout);
        Assert.Equal(1, await EmailsAsync(CheckInKind, "vol-with-check-ins@example.org"));
        var link = CheckInLink(first);
        var page = await NewBrowser().GetStringAsync(link);
        Assert.Contains("I am safe", page, StringComparison.Ordinal);
        var confirmed = await PostFormAsync(NewBrowser(), link, link);
        Assert.Contains("your check-in is recorded", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Past the grace period a confirmed check-in raises no alarm.
        app.Clock.Advance(TimeSpan.FromHours(7));
        await RunEngineAsync();
        Assert.Equal(0, await EmailsAsync(MissedKind, "coord-with-check-ins@example.org"));

        // The second check-in is missed: the coordinator is alerted once, however often the engine runs.
        app.Clock.Advance(TimeSpan.FromHours(41));
        await RunEngineAsync();
        app.Clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));
        await RunEngineTwiceAsync();
        var alert = await App.Smtp.WaitForAsync(m => To(m, "coord-with-check-ins@example.org") && m.Subject == "Missed check-in", MailTimeout);
        Assert.Contains("vol-with-check-ins", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/admin/assistance/deployments/{id}", alert.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await EmailsAsync(MissedKind, "coord-with-check-ins@example.org"));
        Assert.Equal(2, await CheckInsAsync(id));
        Assert.Equal(2, await EmailsAsync(CheckInKind, "vol-with-check-ins@example.org"));

        // The coordinator's page shows what happened to each check-in.
        var row = await App.WithDbAsync(db => db.CheckIns.Where(c => c.DeploymentId == id).OrderBy(c => c.DueAt).Select(c => new { c.SentAt, c.ConfirmedAt, c.EscalatedAt }).ToListAsync());
        Assert.True(row[0] is { SentAt: not null, ConfirmedAt: not null, EscalatedAt: null });
        Assert.True(row[1] is { SentAt: not null, ConfirmedAt: null, EscalatedAt: not null });
    }

    [Fact]
    public async Task A_missed_check_in_still_alerts_the_coordinator_after_an_outage_longer_than_the_catch_up_window()
    {
        var catchUp = App.Services.GetRequiredService<IOptions<RemindersOptions>>().Value.CatchUp;
        var (id, coordinator) = await DeploymentAsync("outage");
        await ScheduleAsync(coordinator, id, everyHours: 12, graceHours: 6);
        await App.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Email == "coord-outage@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, "es"));
            return await db.Users.Where(u => u.Email == "vol-outage@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, "fr"));
        });

        // The engine is down for 24 hours: the first check-in (due at 12 h) was missed by 18 h, further back than
        // the catch-up window; the second falls due just now.
        var outage = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        Assert.True(outage - TimeSpan.FromHours(12 + 6) > catchUp, "the first alert must be due further back than the catch-up window");
        app.Clock.Advance(outage);
        await RunEngineTwiceAsync();

        // The coordinator hears of the first, once, in Spanish; the volunteer is asked once, about the latest, in French.
        var alert = await App.Smtp.WaitForAsync(m => To(m, "coord-outage@example.org") && m.Subject == "Confirmación no recibida", MailTimeout);
        Assert.Contains("vol-outage", alert.TextBody, StringComparison.Ordinal);
        await App.Smtp.WaitForAsync(m => To(m, "vol-outage@example.org") && m.Subject == "Point de sécurité : êtes-vous en sécurité ?", MailTimeout);
        Assert.Equal(1, await EmailsAsync(MissedKind, "coord-outage@example.org"));
        Assert.Equal(1, await EmailsAsync(CheckInKind, "vol-outage@example.org"));
        Assert.Equal(2, await CheckInsAsync(id));

        // The second goes unanswered too: one more alert, one per missed check-in.
        app.Clock.Advance(TimeSpan.FromHours(6));
        await RunEngineTwiceAsync();
        Assert.Equal(2, await EmailsAsync(MissedKind, "coord-outage@example.org"));
        Assert.Equal(1, await EmailsAsync(CheckInKind, "vol-outage@example.org"));
    }

    [Fact]
    public async Task A_completed_deployment_gets_no_more_check_ins()
    {
        var (id, coordinator) = await DeploymentAsync("completed");
        await ScheduleAsync(coordinator, id, everyHours: 12, graceHours: 6);
        app.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        await RunEngineAsync();
        Assert.Equal(1, await EmailsAsync(CheckInKind, "vol-completed@example.org"));

        // Home before the grace period ends: neither the alert nor any later check-in follows. (The sign-in has
        // expired on the moved clock, so the coordinator signs in again.)
        await PostFormAsync(await BrowserForAsync("coord-completed@example.org"), $"/admin/assistance/deployments/{id}", $"/admin/assistance/deployments/{id}/complete");
        app.Clock.Advance(TimeSpan.FromHours(48));
        await RunEngineTwiceAsync();

        Assert.Equal(1, await CheckInsAsync(id));
        Assert.Equal(1, await EmailsAsync(CheckInKind, "vol-completed@example.org"));
        Assert.Equal(0, await EmailsAsync(MissedKind, "coord-completed@example.org"));
        Assert.False(await App.WithDbAsync(db => db.ReminderRules.AnyAsync(r => r.ScopeId == id && r.Enabled)));
    }

    [Fact]
    public async Task Check_ins_scheduled_before_the_assignment_count_from_its_start()
    {
        var (id, coordinator) = await DeploymentAsync("before-start", start: false);
        await ScheduleAsync(coordinator, id, everyHours: 12, graceHours: 6);

        // Briefed, not yet in the field: no check-ins, however long.
        app.Clock.Advance(TimeSpan.FromHours(30));
        await RunEngineAsync();
        Assert.Equal(0, await CheckInsAsync(id));

        // The sign-in has expired on the moved clock: the coordinator signs in again.
        await StartAsync(await BrowserForAsync("coord-before-start@example.org"), id);
        app.Clock.Advance(TimeSpan.FromHours(11));
        await RunEngineAsync();
        Assert.Equal(0, await CheckInsAsync(id));

        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await RunEngineAsync();
        Assert.Equal(1, await EmailsAsync(CheckInKind, "vol-before-start@example.org"));
        Assert.Equal(0, await EmailsAsync(MissedKind, "coord-before-start@example.org"));
    }

    [Fact]
    public async Task A_tampered_check_in_link_confirms_nothing()
    {
        var response = await NewBrowser().GetStringAsync("/assistance/check-in/not-a-real-token");

        Assert.Contains("not valid or has expired", response, StringComparison.Ordinal);
    }

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private static string CheckInLink(MimeMessage message) =>
        new Uri(LinkPattern().Match(message.TextBody ?? "").Value).PathAndQuery;

    [GeneratedRegex(@"https?://\S+/assistance/check-in/\S+")]
    private static partial Regex LinkPattern();
}
