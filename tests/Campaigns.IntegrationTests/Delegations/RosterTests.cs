using System.Globalization;
using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain.Delegations;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Features.Delegations;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Campaigns.IntegrationTests.Delegations;

public sealed class RosterTests(ClockedAppFactory app) : AppTestBase(app), IClassFixture<ClockedAppFactory>
{
    private SettableTimeProvider Clock => app.Clock;

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_volunteer_applies_the_coordinator_approves_and_the_briefing_arrives_in_their_language_then_once_as_a_reminder()
    {
        var coordinator = await SignedInAsync("coord-roster@example.org", Roles.Coordinator);
        var slug = await NewRosterAsync(coordinator, "Accompaniment in Tegucigalpa", startsInDays: 10, ("Observer", "1"), ("Interpreter", "2"));
        var ana = await SignedInAsync("ana-roster@example.org", Roles.Volunteer);
        var ben = await SignedInAsync("ben-roster@example.org", Roles.Volunteer);
        var cleo = await SignedInAsync("cleo-roster@example.org", Roles.Supporter);
        await App.WithDbAsync(db => db.Users.Where(u => u.Email == "ana-roster@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, "es")));
        var observer = await RoleIdAsync(slug, "Observer");

        Assert.Contains("Accompaniment in Tegucigalpa", await ana.GetStringAsync("/delegations"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(ana, slug, observer)).StatusCode);
        await ApplyAsync(ben, slug, observer);
        await ApplyAsync(ben, slug, observer);
        Assert.Contains("You have already applied to this delegation.", Html(await ben.GetStringAsync($"/delegations/{slug}")), StringComparison.Ordinal);

        // The coordinator sees the applicants under their role; the briefing is not shown to volunteers.
        var page = Html(await coordinator.GetStringAsync($"/admin/delegations/{slug}"));
        Assert.Contains("ana-roster@example.org", page, StringComparison.Ordinal);
        Assert.Contains("ben-roster@example.org", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Meet at the office", await ana.GetStringAsync($"/delegations/{slug}"), StringComparison.Ordinal);

        // The one observer place goes to Ana; approving Ben too is refused, and a third person cannot apply for it.
        await DecideAsync(coordinator, slug, "ana-roster@example.org", "approve");
        var refused = await DecideAsync(coordinator, slug, "ben-roster@example.org", "approve");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("This role is full.", Html(await coordinator.GetStringAsync($"/admin/delegations/{slug}")), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Pending, await StatusAsync("ben-roster@example.org"));
        await ApplyAsync(cleo, slug, observer);
        Assert.Contains("This role is full.", Html(await cleo.GetStringAsync($"/delegations/{slug}")), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.RosterApplications.AnyAsync(a => db.Users.Any(u => u.Id == a.UserId && u.Email == "cleo-roster@example.org"))));
        Assert.Equal(1, await App.WithDbAsync(db => db.RosterRoles.Where(r => r.Id == observer).Select(r => r.Approved).SingleAsync()));

        // The briefing goes only to those approved, in each one's language.
        await PostFormAsync(coordinator, $"/admin/delegations/{slug}", $"/admin/delegations/{slug}/briefing");
        var briefing = await EmailAsync("ana-roster@example.org", "Las instrucciones de tu delegación");
        Assert.Contains("Meet at the office at 08:00.", briefing.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tu rol: Observer", briefing.TextBody, StringComparison.Ordinal);
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, App.Smtp.Messages.Count(m => To(m, "ben-roster@example.org")));

        // The coordinator adds their own words to the reminder; three days before the first day it goes, once, however often the job runs.
        var ruleId = await App.WithDbAsync(db => db.ReminderRules
            .Where(r => r.Kind == DelegationReminderKinds.Briefing && db.Rosters.Any(x => x.Id == r.ScopeId && x.Slug == slug)).Select(r => r.Id).SingleAsync());
        var saved = await PostFormAsync(coordinator, $"/admin/delegations/{slug}/reminders", $"/admin/delegations/{slug}/reminders/{ruleId}",
            ("Enabled", "true"), ("Amount", "3"), ("Unit", "days"), ("Direction", "before"), ("CustomText", "Bring your passport."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var startsAt = await App.WithDbAsync(db => db.Rosters.Where(r => r.Slug == slug).Select(r => r.StartsAt).SingleAsync());
        Clock.Now = startsAt.AddDays(-3).AddHours(-1);
        await RunDueRemindersAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, Count("ana-roster@example.org", "Recordatorio: las instrucciones de tu delegación"));

        Clock.Now = startsAt.AddDays(-3).AddHours(1);
        await Task.WhenAll(RunDueRemindersAsync(), RunDueRemindersAsync());
        await RunDueRemindersAsync();
        var reminder = await EmailAsync("ana-roster@example.org", "Recordatorio: las instrucciones de tu delegación");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("Meet at the office at 08:00.", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bring your passport.", reminder.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, Count("ana-roster@example.org", "Recordatorio: las instrucciones de tu delegación"));
        Assert.Equal(0, App.Smtp.Messages.Count(m => To(m, "ben-roster@example.org")));
    }

    [Fact]
    public async Task An_approved_applicant_is_emailed_once_in_their_language_however_often_the_coordinator_presses_approve()
    {
        var coordinator = await SignedInAsync("coord-approve-mail@example.org", Roles.Coordinator);
        var slug = await NewRosterAsync(coordinator, "Accompaniment in La Ceiba", startsInDays: 14, ("Interpreter", "2"));
        var marie = await SignedInAsync("marie-roster@example.org", Roles.Volunteer);
        await App.WithDbAsync(db => db.Users.Where(u => u.Email == "marie-roster@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, "fr")));
        await ApplyAsync(marie, slug, await RoleIdAsync(slug, "Interpreter"));

        await DecideAsync(coordinator, slug, "marie-roster@example.org", "approve");
        await DecideAsync(coordinator, slug, "marie-roster@example.org", "approve");
        await Task.WhenAll(DecideAsync(coordinator, slug, "marie-roster@example.org", "approve"), DecideAsync(coordinator, slug, "marie-roster@example.org", "approve"));

        var email = await EmailAsync("marie-roster@example.org", "Vous faites partie de la délégation");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, App.Smtp.Messages.Count(m => To(m, "marie-roster@example.org")));
        Assert.Contains("Accompaniment in La Ceiba", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Votre rôle : Interpreter", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tegucigalpa, HN", email.TextBody, StringComparison.Ordinal);
        var startsOn = await App.WithDbAsync(db => db.Rosters.Where(r => r.Slug == slug).Select(r => r.StartsAt).SingleAsync());
        Assert.Contains(DateOnly.FromDateTime(startsOn.UtcDateTime).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr")), email.TextBody, StringComparison.Ordinal);
        Assert.Contains("vous enverra le briefing", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/delegations/{slug}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vous faites partie de « Accompaniment in La Ceiba »", Html(email.HtmlBody ?? ""), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.RosterRoles.Where(r => r.Name == "Interpreter" && db.Rosters.Any(x => x.Id == r.RosterId && x.Slug == slug)).Select(r => r.Approved).SingleAsync()));
    }

    [Fact]
    public async Task A_declined_applicant_gets_one_short_kind_email_and_a_refused_approval_sends_none()
    {
        var coordinator = await SignedInAsync("coord-decline-mail@example.org", Roles.Coordinator);
        var slug = await NewRosterAsync(coordinator, "Delegation to Bajo Aguán", startsInDays: 30, ("Medic", "1"));
        var medic = await RoleIdAsync(slug, "Medic");
        var olga = await SignedInAsync("olga-roster@example.org", Roles.Volunteer);
        var pia = await SignedInAsync("pia-roster@example.org", Roles.Volunteer);
        await App.WithDbAsync(db => db.Users.Where(u => u.Email == "olga-roster@example.org").ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, "es")));
        await ApplyAsync(olga, slug, medic);
        await ApplyAsync(pia, slug, medic);

        // Pia takes the one place; approving Olga is refused as full, which tells her nothing yet.
        await DecideAsync(coordinator, slug, "pia-roster@example.org", "approve");
        await DecideAsync(coordinator, slug, "olga-roster@example.org", "approve");
        await DecideAsync(coordinator, slug, "olga-roster@example.org", "decline");
        await DecideAsync(coordinator, slug, "olga-roster@example.org", "decline");

        var email = await EmailAsync("olga-roster@example.org", "Sobre tu solicitud para la delegación");
        await EmailAsync("pia-roster@example.org", "You are on the delegation roster");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, App.Smtp.Messages.Count(m => To(m, "olga-roster@example.org")));
        Assert.Equal(1, App.Smtp.Messages.Count(m => To(m, "pia-roster@example.org")));
        Assert.Equal(ApplicationStatus.Declined, await StatusAsync("olga-roster@example.org"));
        Assert.Contains("Gracias por ofrecerte para «Delegation to Bajo Aguán»", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Tegucigalpa", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_an_approved_application_frees_the_place()
    {
        var coordinator = await SignedInAsync("coord-withdraw@example.org", Roles.Coordinator);
        var slug = await NewRosterAsync(coordinator, "Delegation to Cauca", startsInDays: 20, ("Driver", "1"));
        var dani = await SignedInAsync("dani-roster@example.org", Roles.Volunteer);
        var eli = await SignedInAsync("eli-roster@example.org", Roles.Volunteer);
        var driver = await RoleIdAsync(slug, "Driver");
        await ApplyAsync(dani, slug, driver);
        await DecideAsync(coordinator, slug, "dani-roster@example.org", "approve");
        await ApplyAsync(eli, slug, driver);
        Assert.Contains("This role is full.", Html(await eli.GetStringAsync($"/delegations/{slug}")), StringComparison.Ordinal);

        await PostFormAsync(dani, $"/delegations/{slug}", $"/delegations/{slug}/withdraw");
        Assert.Equal(0, await App.WithDbAsync(db => db.RosterRoles.Where(r => r.Id == driver).Select(r => r.Approved).SingleAsync()));
        await ApplyAsync(eli, slug, driver);
        await DecideAsync(coordinator, slug, "eli-roster@example.org", "approve");
        Assert.Equal(ApplicationStatus.Approved, await StatusAsync("eli-roster@example.org"));
    }

    [Fact]
    public async Task Two_coordinators_approving_the_last_place_at_once_fill_it_only_once()
    {
        var first = await SignedInAsync("coord-race-1@example.org", Roles.Coordinator);
        var second = await SignedInAsync("coord-race-2@example.org", Roles.Coordinator);
        var slug = await NewRosterAsync(first, "Race roster", startsInDays: 15, ("Medic", "1"));
        var medic = await RoleIdAsync(slug, "Medic");
        await ApplyAsync(await SignedInAsync("kim-roster@example.org", Roles.Volunteer), slug, medic);
        await ApplyAsync(await SignedInAsync("lou-roster@example.org", Roles.Volunteer), slug, medic);

        await Task.WhenAll(DecideAsync(first, slug, "kim-roster@example.org", "approve"), DecideAsync(second, slug, "lou-roster@example.org", "approve"));

        var approved = await App.WithDbAsync(db => db.RosterApplications.CountAsync(a => a.RoleId == medic && a.Status == ApplicationStatus.Approved));
        Assert.Equal(1, approved);
        Assert.Equal(1, await App.WithDbAsync(db => db.RosterRoles.Where(r => r.Id == medic).Select(r => r.Approved).SingleAsync()));
    }

    [Fact]
    public async Task Bad_roster_details_are_refused_with_clear_messages_and_nothing_is_saved()
    {
        var coordinator = await SignedInAsync("coord-bad-roster@example.org", Roles.Coordinator);

        async Task<string> RefusedAsync(string starts, string ends, params (string Name, string Needed)[] roles)
        {
            var response = await PostFormAsync(coordinator, "/admin/delegations/new", "/admin/delegations/new", RosterFields("Broken roster", starts, ends, roles));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Html(await response.Content.ReadAsStringAsync());
        }

        var start = Today.AddDays(5);
        Assert.Contains("The last day cannot be before the first day.", await RefusedAsync(Day(start), Day(start.AddDays(-1)), ("Observer", "1")), StringComparison.Ordinal);
        Assert.Contains("Add at least one role, such as observer or driver.", await RefusedAsync(Day(start), Day(start)), StringComparison.Ordinal);
        Assert.Contains("The role “Observer” must need between 1 and 100 people.", await RefusedAsync(Day(start), Day(start), ("Observer", "0")), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Rosters.AnyAsync(r => r.Title == "Broken roster")));

        // An edit that would leave fewer places than people approved changes nothing.
        var slug = await NewRosterAsync(coordinator, "Roster to edit", startsInDays: 8, ("Observer", "2"));
        var fay = await SignedInAsync("fay-roster@example.org", Roles.Volunteer);
        var gus = await SignedInAsync("gus-roster@example.org", Roles.Volunteer);
        var observer = await RoleIdAsync(slug, "Observer");
        await ApplyAsync(fay, slug, observer);
        await ApplyAsync(gus, slug, observer);
        await DecideAsync(coordinator, slug, "fay-roster@example.org", "approve");
        await DecideAsync(coordinator, slug, "gus-roster@example.org", "approve");
        var fields = RosterFields("Renamed roster", Day(Today.AddDays(8)), Day(Today.AddDays(9)), ("Observer", "1")).Append(("Roles[0].Id", observer.ToString())).ToArray();
        var lowered = await PostFormAsync(coordinator, $"/admin/delegations/{slug}/edit", $"/admin/delegations/{slug}/edit", fields);
        Assert.Contains("The role “Observer” cannot need fewer than the 2 people already approved.", Html(await lowered.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Roster to edit", await App.WithDbAsync(db => db.Rosters.Where(r => r.Slug == slug).Select(r => r.Title).SingleAsync()));
    }

    [Fact]
    public async Task Rosters_are_never_shown_to_anonymous_visitors_and_staff_pages_only_to_staff()
    {
        var coordinator = await SignedInAsync("coord-private@example.org", Roles.Coordinator);
        var slug = await NewRosterAsync(coordinator, "Quiet accompaniment", startsInDays: 12, ("Observer", "1"));
        var anonymous = NewBrowser();
        foreach (var path in new[] { "/delegations", $"/delegations/{slug}", "/admin/delegations" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/signin", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }

        var volunteer = await SignedInAsync("hal-roster@example.org", Roles.Volunteer);
        Assert.Contains("/account/denied", (await volunteer.GetAsync($"/admin/delegations/{slug}")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Contains("href=\"/delegations\"", await volunteer.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/delegations\"", await anonymous.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_day_those_approved_get_one_check_in_and_the_signed_link_records_that_they_are_safe()
    {
        var coordinator = await SignedInAsync("coord-checkin@example.org", Roles.Coordinator);
        var slug = await NewRosterAsync(coordinator, "Accompaniment with check-ins", startsInDays: 4, ("Observer", "2"));
        var ida = await SignedInAsync("ida-roster@example.org", Roles.Volunteer);
        var jo = await SignedInAsync("jo-roster@example.org", Roles.Volunteer);
        var observer = await RoleIdAsync(slug, "Observer");
        await ApplyAsync(ida, slug, observer);
        await ApplyAsync(jo, slug, observer);
        await DecideAsync(coordinator, slug, "ida-roster@example.org", "approve");
        var startsAt = await App.WithDbAsync(db => db.Rosters.Where(r => r.Slug == slug).Select(r => r.StartsAt).SingleAsync());

        // First day, 18:00 UTC: the check-in goes once, only to Ida, however often the job runs.
        Clock.Now = startsAt.AddHours(18).AddMinutes(5);
        await Task.WhenAll(RunDueRemindersAsync(), RunDueRemindersAsync());
        await RunDueRemindersAsync();
        var email = await EmailAsync("ida-roster@example.org", "Delegation check-in: are you safe?");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, Count("ida-roster@example.org", "Delegation check-in: are you safe?"));
        Assert.Equal(0, Count("jo-roster@example.org", "Delegation check-in: are you safe?"));

        // The link works without signing in; opening it changes nothing, the button records it, twice is once.
        var link = System.Text.RegularExpressions.Regex.Match(email.TextBody ?? "", @"https?://\S+/delegations/check-in/\S+").Value;
        var path = new Uri(link).AbsolutePath;
        var phone = NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(path)).StatusCode);
        Assert.False(await App.WithDbAsync(db => db.RosterCheckIns.AnyAsync()));
        Assert.Contains("Thank you: your check-in is recorded.", Html(await (await PostFormAsync(phone, path, path)).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await PostFormAsync(phone, path, path);
        Assert.Equal(1, await App.WithDbAsync(db => db.RosterCheckIns.CountAsync()));
        Assert.Contains("not valid or has expired", Html(await phone.GetStringAsync(path[..^4] + "AAAA")), StringComparison.Ordinal);

        // The next day brings the next check-in.
        Clock.Now = startsAt.AddDays(1).AddHours(18).AddMinutes(5);
        await RunDueRemindersAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, Count("ida-roster@example.org", "Delegation check-in: are you safe?"));
    }

    [Fact]
    public async Task Coordinators_are_alerted_once_about_a_member_who_did_not_check_in()
    {
        var coordinator = await SignedInAsync("coord-missed@example.org", Roles.Coordinator);
        var slug = await NewRosterAsync(coordinator, "Accompaniment with a missed check-in", startsInDays: 4, ("Observer", "2"));
        var kai = await SignedInAsync("kai-missed@example.org", Roles.Volunteer);
        var noa = await SignedInAsync("noa-missed@example.org", Roles.Volunteer);
        var observer = await RoleIdAsync(slug, "Observer");
        await ApplyAsync(kai, slug, observer);
        await ApplyAsync(noa, slug, observer);
        await DecideAsync(coordinator, slug, "kai-missed@example.org", "approve");
        await DecideAsync(coordinator, slug, "noa-missed@example.org", "approve");
        var startsAt = await App.WithDbAsync(db => db.Rosters.Where(r => r.Slug == slug).Select(r => r.StartsAt).SingleAsync());

        Clock.Now = startsAt.AddHours(18).AddMinutes(5);
        await RunDueRemindersAsync();
        var email = await EmailAsync("kai-missed@example.org", "Delegation check-in: are you safe?");
        var path = new Uri(System.Text.RegularExpressions.Regex.Match(email.TextBody ?? "", @"https?://\S+/delegations/check-in/\S+").Value).AbsolutePath;
        var phone = NewBrowser();
        await PostFormAsync(phone, path, path);

        // Midnight UTC: Noa has not answered; the coordinator hears it once, however often the job runs.
        Clock.Now = startsAt.AddHours(24).AddMinutes(5);
        await Task.WhenAll(RunDueRemindersAsync(), RunDueRemindersAsync());
        var alert = await EmailAsync("coord-missed@example.org", "Missed delegation check-in");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));

        Assert.Contains("noa-missed", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("kai-missed", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/admin/delegations/{slug}", alert.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, Count("coord-missed@example.org", "Missed delegation check-in"));
        Assert.Equal(0, Count("kai-missed@example.org", "Missed delegation check-in"));
    }

    [Fact]
    public async Task A_missed_check_in_still_alerts_the_coordinator_after_an_outage_longer_than_the_catch_up_window()
    {
        var coordinator = await SignedInAsync("coord-outage@example.org", Roles.Coordinator);
        var slug = await NewRosterAsync(coordinator, "Accompaniment through an outage", startsInDays: 4, ("Observer", "1"));
        var lea = await SignedInAsync("lea-outage@example.org", Roles.Volunteer);
        await ApplyAsync(lea, slug, await RoleIdAsync(slug, "Observer"));
        await DecideAsync(coordinator, slug, "lea-outage@example.org", "approve");
        var startsAt = await App.WithDbAsync(db => db.Rosters.Where(r => r.Slug == slug).Select(r => r.StartsAt).SingleAsync());

        // The engine does not run from before the first check-in until noon the next day: the alert for the first
        // day fell due twelve hours earlier, twice the catch-up window.
        Clock.Now = startsAt.AddHours(36);
        await Task.WhenAll(RunDueRemindersAsync(), RunDueRemindersAsync());
        var alert = await EmailAsync("coord-outage@example.org", "Missed delegation check-in");
        await RunDueRemindersAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));

        Assert.Contains("lea-outage", alert.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, Count("coord-outage@example.org", "Missed delegation check-in"));
    }

    [Fact]
    public async Task The_demo_roster_loads_once_with_its_roles_and_briefing_reminder()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DelegationsSeeder>().Single();
            await seeder.SeedAsync(DemoDataSeeder.DefaultFolder, CancellationToken.None);
        }

        var (rosters, roles, rules) = await App.WithDbAsync(async db => (
            await db.Rosters.CountAsync(r => r.Slug == "accompaniment-san-pedro-sula"),
            await db.RosterRoles.CountAsync(x => db.Rosters.Any(r => r.Id == x.RosterId && r.Slug == "accompaniment-san-pedro-sula")),
            await db.ReminderRules.CountAsync(x => x.Kind == DelegationReminderKinds.Briefing && db.Rosters.Any(r => r.Id == x.ScopeId && r.Slug == "accompaniment-san-pedro-sula"))));
        Assert.Equal((1, 2, 1), (rosters, roles, rules));
    }

    private async Task<HttpClient> SignedInAsync(string email, string role)
    {
        await TestUsers.CreateAsync(App, email, role);
        var browser = NewBrowser();
        await SignInAsync(browser, email, TestUsers.Password);
        return browser;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (string Key, string Value)[] RosterFields(string title, string starts, string ends, params (string Name, string Needed)[] roles) =>
    [
        ("Title", title), ("Purpose", "Protective presence"), ("City", "Tegucigalpa"), ("CountryCode", "HN"), ("PartnerSlug", "sindicato-textil-norte"),
        ("StartsOn", starts), ("EndsOn", ends), ("BriefingText", "Meet at the office at 08:00."), ("Status", "Open"),
        .. roles.SelectMany((r, i) => new[] { ($"Roles[{i}].Name", r.Name), ($"Roles[{i}].Needed", r.Needed) }),
    ];

    private async Task<string> NewRosterAsync(HttpClient coordinator, string title, int startsInDays, params (string Name, string Needed)[] roles)
    {
        var response = await PostFormAsync(coordinator, "/admin/delegations/new", "/admin/delegations/new",
            RosterFields(title, Day(Today.AddDays(startsInDays)), Day(Today.AddDays(startsInDays + 6)), roles));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString["/admin/delegations/".Length..];
    }

    private Task<Guid> RoleIdAsync(string slug, string name) =>
        App.WithDbAsync(db => db.RosterRoles.Where(r => r.Name == name && db.Rosters.Any(x => x.Id == r.RosterId && x.Slug == slug)).Select(r => r.Id).SingleAsync());

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient volunteer, string slug, Guid roleId) =>
        PostFormAsync(volunteer, $"/delegations/{slug}", $"/delegations/{slug}/apply", ("roleId", roleId.ToString()));

    private async Task<HttpResponseMessage> DecideAsync(HttpClient coordinator, string slug, string email, string decision)
    {
        var id = await App.WithDbAsync(db => db.RosterApplications.Where(a => db.Users.Any(u => u.Id == a.UserId && u.Email == email)).Select(a => a.Id).SingleAsync());
        return await PostFormAsync(coordinator, $"/admin/delegations/{slug}", $"/admin/delegations/{slug}/applications/{id}/{decision}");
    }

    private Task<ApplicationStatus> StatusAsync(string email) =>
        App.WithDbAsync(db => db.RosterApplications.Where(a => db.Users.Any(u => u.Id == a.UserId && u.Email == email)).Select(a => a.Status).SingleAsync());

    private Task RunDueRemindersAsync() => app.RunJobAsync<DueRemindersJob>(job => job.RunAsync(CancellationToken.None));

    private Task<MimeMessage> EmailAsync(string to, string subject) =>
        App.Smtp.WaitForAsync(m => To(m, to) && m.Subject == subject, TimeSpan.FromSeconds(30));

    private int Count(string to, string subject) => App.Smtp.Messages.Count(m => To(m, to) && m.Subject == subject);

    private static bool To(MimeMessage m, string to) => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase));

    private static string Html(string html) => WebUtility.HtmlDecode(html);
}
