using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Features.Assistance.CheckIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Campaigns.IntegrationTests.Assistance;

/// <summary>Check-ins on a controlled clock: due links go out by email, a confirmation stops the alarm, a miss raises it once.</summary>
public sealed partial class CheckInTests(AssistanceAppFactory app) : AppTestBase(app), IClassFixture<AssistanceAppFactory>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(20);

    private async Task<HttpClient> BrowserForAsync(string email)
    {
        var browser = NewBrowser();
        await SignInAsync(browser, email, TestUsers.Password);
        return browser;
    }

    private async Task RunJobAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CheckInJob>().RunAsync(CancellationToken.None);
        }

        await App.WaitForJobsAsync(MailTimeout);
    }

    [Fact]
    public async Task A_volunteer_on_assignment_confirms_by_the_emailed_link_and_a_missed_check_in_alerts_the_coordinator_once()
    {
        await AssistanceJourney.PartnerAsync(App, "partner-checkin@example.org", "tierra-y-libertad");
        var partner = await BrowserForAsync("partner-checkin@example.org");
        await PostFormAsync(partner, "/partner/requests/new", "/partner/requests/new",
            ("Title", "Field trip with check-ins"), ("Summary", "On-site training."), ("OnSite", "true"), ("Location", "La Ceiba"),
            ($"Skills[{await AssistanceJourney.SkillAsync(App, "training")}]", "required"));
        var volunteerUser = await TestUsers.CreateAsync(App, "vol-checkin@example.org", Roles.Volunteer);
        var volunteer = await BrowserForAsync("vol-checkin@example.org");
        await PostFormAsync(volunteer, "/volunteer/profile", "/volunteer/profile",
            ($"Skills[{await AssistanceJourney.SkillAsync(App, "training")}]", "Expert"), ("OnSite", "true"));
        await PostFormAsync(volunteer, "/assistance/field-trip-with-check-ins", "/assistance/field-trip-with-check-ins/offer");
        var id = await App.WithDbAsync(db => db.Deployments.Where(d => d.VolunteerId == volunteerUser.Id).Select(d => d.Id).SingleAsync());
        await PostFormAsync(partner, "/partner/requests/field-trip-with-check-ins", $"/partner/deployments/{id}/accept");
        await TestUsers.CreateAsync(App, "coord-checkin@example.org", Roles.Coordinator);
        var coordinator = await BrowserForAsync("coord-checkin@example.org");
        await PostFormAsync(coordinator, $"/admin/assistance/deployments/{id}", $"/admin/assistance/deployments/{id}/brief");
        await PostFormAsync(coordinator, $"/admin/assistance/deployments/{id}", $"/admin/assistance/deployments/{id}/start");
        await PostFormAsync(coordinator, $"/admin/assistance/deployments/{id}", $"/admin/assistance/deployments/{id}/check-ins", ("EveryHours", "48"), ("GraceHours", "6"));

        // Not due yet: nothing is sent.
        await RunJobAsync();
        Assert.Equal(0, await App.WithDbAsync(db => db.CheckIns.CountAsync(c => c.DeploymentId == id)));

        // First check-in falls due; the volunteer taps "I am safe".
        app.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        await RunJobAsync();
        await RunJobAsync();
        var first = await App.Smtp.WaitForAsync(m => To(m, "vol-checkin@example.org") && m.Subject == "Check in: are you safe?", MailTimeout);
        var link = CheckInLink(first);
        var page = await NewBrowser().GetStringAsync(link);
        Assert.Contains("I am safe", page, StringComparison.Ordinal);
        var confirmed = await PostFormAsync(NewBrowser(), link, link);
        Assert.Contains("your check-in is recorded", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Past the grace period a confirmed check-in raises no alarm.
        app.Clock.Advance(TimeSpan.FromHours(7));
        await RunJobAsync();
        Assert.Equal(0, await App.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.Kind == "assistance-missed-check-in")));

        // The second check-in is missed: the coordinator is alerted once, however often the job runs.
        app.Clock.Advance(TimeSpan.FromHours(41));
        await RunJobAsync();
        app.Clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));
        await RunJobAsync();
        await RunJobAsync();
        var alert = await App.Smtp.WaitForAsync(m => To(m, "coord-checkin@example.org") && m.Subject == "Missed check-in", MailTimeout);
        Assert.Contains("vol-checkin", alert.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.Kind == "assistance-missed-check-in")));
        Assert.Equal(2, await App.WithDbAsync(db => db.CheckIns.CountAsync(c => c.DeploymentId == id)));
        Assert.Equal(2, await App.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.Kind == "assistance-check-in" && e.ToAddress == "vol-checkin@example.org")));
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
