using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Tours;

public sealed class TourPlanningTests(ClockedAppFactory app) : ToursTestBase(app), IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task Reminders_go_once_to_people_with_a_place_and_feedback_once_to_those_who_came()
    {
        var coordinator = await CoordinatorAsync("coord-remind@example.org");
        var tour = await NewTourAsync(coordinator, "Reminder tour");
        var stop = await NewConfirmedStopAsync(coordinator, tour, "Valencia", daysAhead: 4, capacity: 2);
        var visitor = NewBrowser();
        await RsvpAsync(visitor, tour, stop, "Iris", "iris@example.org");
        await RsvpAsync(visitor, tour, stop, "Jon", "jon@example.org");
        await RsvpAsync(visitor, tour, stop, "Kai", "kai@example.org");
        var startsAt = await App.WithDbAsync(db => db.TourStops.Where(s => s.Slug == stop).Select(s => s.StartsAt).SingleAsync());

        // The coordinator adds their own words to the reminder a tour starts with (a day before).
        var rules = await coordinator.GetStringAsync($"/admin/tours/{tour}/reminders");
        var ruleId = await App.WithDbAsync(db => db.ReminderRules
            .Where(r => r.Kind == "tour-event-attendees" && db.Tours.Any(t => t.Id == r.ScopeId && t.Slug == tour)).Select(r => r.Id).SingleAsync());
        Assert.Contains(ruleId.ToString(), rules, StringComparison.Ordinal);
        await PostFormAsync(coordinator, $"/admin/tours/{tour}/reminders", $"/admin/tours/{tour}/reminders/{ruleId}",
            ("Enabled", "true"), ("Amount", "1"), ("Unit", "days"), ("Direction", "before"), ("CustomText", "Doors open at 18:30."));

        Clock.Now = startsAt.AddHours(-25);
        await RunDueRemindersAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, Count("iris@example.org", "Reminder: the event is coming up"));

        Clock.Now = startsAt.AddHours(-23);
        await Task.WhenAll(RunDueRemindersAsync(), RunDueRemindersAsync());
        await RunDueRemindersAsync();
        var reminder = await EmailAsync("iris@example.org", "Reminder: the event is coming up");
        await EmailAsync("jon@example.org", "Reminder: the event is coming up");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("Doors open at 18:30.", reminder.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, Count("iris@example.org", "Reminder: the event is coming up"));
        Assert.Equal(1, Count("jon@example.org", "Reminder: the event is coming up"));
        Assert.Equal(0, Count("kai@example.org", "Reminder: the event is coming up"));

        // After the event: Iris came, Jon did not.
        Clock.Now = startsAt.AddHours(3);
        var iris = await App.WithDbAsync(db => db.Rsvps.Where(r => r.EmailKey == "iris@example.org").Select(r => r.Id).SingleAsync());

        // Sessions last eight hours: days later the coordinator signs in again.
        await SignInAsync(coordinator, "coord-remind@example.org", TestUsers.Password);
        await PostFormAsync(coordinator, $"/admin/tours/{tour}/stops/{stop}/attendance", $"/admin/tours/{tour}/stops/{stop}/attendance", ("attended", iris.ToString()));
        Clock.Now = startsAt.AddHours(2 + 25);
        await RunDueRemindersAsync();
        await RunDueRemindersAsync();
        await EmailAsync("iris@example.org", "Thank you for coming: tell us what you thought");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, Count("iris@example.org", "Thank you for coming: tell us what you thought"));
        Assert.Equal(0, Count("jon@example.org", "Thank you for coming: tell us what you thought"));
    }

    [Fact]
    public async Task Bad_stop_details_are_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var coordinator = await CoordinatorAsync("coord-bad@example.org");
        var tour = await NewTourAsync(coordinator, "Bad input tour");
        var local = Today.AddDays(3).ToDateTime(new TimeOnly(19, 0));

        async Task<string> RefusedAsync(params (string Key, string Value)[] fields)
        {
            var response = await PostFormAsync(coordinator, $"/admin/tours/{tour}/stops/new", $"/admin/tours/{tour}/stops/new", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("The time zone “Europe/Atlantis” does not exist", await RefusedAsync(StopFields("Cádiz", local, 10, zone: "Europe/Atlantis")), StringComparison.Ordinal);
        Assert.Contains("The event cannot start in the past.", await RefusedAsync(StopFields("Cádiz", Today.AddDays(-2).ToDateTime(new TimeOnly(19, 0)), 10)), StringComparison.Ordinal);
        Assert.Contains("The event must end after it starts.", await RefusedAsync(StopFields("Cádiz", local, 10, hours: -1)), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.TourStops.AnyAsync(s => s.City == "Cádiz")));

        var stop = await NewConfirmedStopAsync(coordinator, tour, "Murcia", daysAhead: 3, capacity: 3);
        var visitor = NewBrowser();
        await RsvpAsync(visitor, tour, stop, "Lola", "lola@example.org");
        await RsvpAsync(visitor, tour, stop, "Max", "max@example.org");
        var lowered = await PostFormAsync(coordinator, $"/admin/tours/{tour}/stops/{stop}", $"/admin/tours/{tour}/stops/{stop}",
            StopFields("Murcia", Today.AddDays(3).ToDateTime(new TimeOnly(19, 0)), 1));
        Assert.Contains("Capacity cannot be lower than the 2 people who already have a place.", WebUtility.HtmlDecode(await lowered.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(3, await App.WithDbAsync(db => db.TourStops.Where(s => s.Slug == stop).Select(s => s.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task The_plan_flags_overlaps_and_missing_travel_days_and_totals_the_budget()
    {
        var coordinator = await CoordinatorAsync("coord-plan@example.org");
        var tour = await NewTourAsync(coordinator, "Clash tour");
        await NewConfirmedStopAsync(coordinator, tour, "Toledo", daysAhead: 5, capacity: 10);
        var local = Today.AddDays(5).ToDateTime(new TimeOnly(20, 0));
        await PostFormAsync(coordinator, $"/admin/tours/{tour}/stops/new", $"/admin/tours/{tour}/stops/new", StopFields("Segovia", local, 10));
        await PostFormAsync(coordinator, $"/admin/tours/{tour}/stops/new", $"/admin/tours/{tour}/stops/new", StopFields("Ávila", local.AddHours(3), 10));

        var plan = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/admin/tours/{tour}"));

        Assert.Contains("data-clash=\"Overlap\"", plan, StringComparison.Ordinal);
        Assert.Contains("Overlaps the event in Toledo.", plan, StringComparison.Ordinal);
        Assert.Contains("No travel day after Segovia.", plan, StringComparison.Ordinal);

        // Three stops of 100.50 + 50 + 200 each.
        Assert.Contains(">1,051.50 EUR<", plan, StringComparison.Ordinal);
        Assert.Contains("350.50 EUR", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_proposes_a_stop_edits_only_their_own_and_a_coordinator_confirms_it()
    {
        var coordinator = await CoordinatorAsync("coord-host@example.org");
        var tour = await NewTourAsync(coordinator, "Hosted tour");
        var host = await SignedInAsync("host-a@example.org", Roles.Volunteer);
        var other = await SignedInAsync("host-b@example.org", Roles.Volunteer);
        var local = Today.AddDays(8).ToDateTime(new TimeOnly(18, 0));

        var proposed = await PostFormAsync(host, $"/tours/{tour}/stops/propose", $"/tours/{tour}/stops/propose", StopFields("Zaragoza", local, 40));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var edit = proposed.Headers.Location!.OriginalString;
        var stop = edit.Split('/')[^2];
        Assert.Equal(StopStatus.Proposed, await App.WithDbAsync(db => db.TourStops.Where(s => s.Slug == stop).Select(s => s.Status).SingleAsync()));
        Assert.DoesNotContain("Zaragoza", await NewBrowser().GetStringAsync($"/tours/{tour}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(edit)).StatusCode);
        Assert.Contains(edit, await host.GetStringAsync("/tours/hosting"), StringComparison.Ordinal);
        Assert.DoesNotContain(edit, await other.GetStringAsync("/tours/hosting"), StringComparison.Ordinal);
        var changed = await PostFormAsync(host, edit, edit, StopFields("Zaragoza", local, 60));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var denied = await other.GetAsync(edit);
        Assert.Contains("/account/denied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var token = await AntiforgeryTokenAsync(other, $"/tours/{tour}/stops/propose");
        var fields = StopFields("Zaragoza", local, 1).Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token));
        var hijack = await other.PostAsync(edit, new FormUrlEncodedContent(fields));
        Assert.Contains("/account/denied", hijack.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(60, await App.WithDbAsync(db => db.TourStops.Where(s => s.Slug == stop).Select(s => s.Capacity).SingleAsync()));

        // A supporter cannot propose at all; the coordinator confirms and the event goes public.
        var supporter = await SignedInAsync("supporter-h@example.org", Roles.Supporter);
        Assert.Contains("/account/denied", (await supporter.GetAsync($"/tours/{tour}/stops/propose")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        await PostFormAsync(coordinator, $"/admin/tours/{tour}", $"/admin/tours/{tour}/stops/{stop}/confirm");
        Assert.Contains("Zaragoza", await NewBrowser().GetStringAsync($"/tours/{tour}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Volunteers_sign_up_for_shifts_the_host_sees_who_is_coming_and_each_gets_one_reminder()
    {
        var coordinator = await CoordinatorAsync("coord-shift@example.org");
        var tour = await NewTourAsync(coordinator, "Shift tour");
        var host = await SignedInAsync("host-shift@example.org", Roles.Volunteer);
        var local = Today.AddDays(6).ToDateTime(new TimeOnly(19, 0));
        var proposed = await PostFormAsync(host, $"/tours/{tour}/stops/propose", $"/tours/{tour}/stops/propose", StopFields("Oviedo", local, 40));
        var stop = proposed.Headers.Location!.OriginalString.Split('/')[^2];
        await PostFormAsync(coordinator, $"/admin/tours/{tour}", $"/admin/tours/{tour}/stops/{stop}/confirm");
        var shifts = $"/tours/{tour}/stops/{stop}/shifts";
        await PostFormAsync(host, shifts, shifts, ("Role", "Greeter"),
            ("StartsAtLocal", local.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("EndsAtLocal", local.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)), ("Needed", "1"));
        var shiftId = await App.WithDbAsync(db => db.StopShifts.Where(s => s.Role == "Greeter" && db.TourStops.Any(t => t.Id == s.StopId && t.Slug == stop)).Select(s => s.Id).SingleAsync());

        var rosa = await SignedInAsync("rosa-volunteer@example.org", Roles.Volunteer);
        var sam = await SignedInAsync("sam-volunteer@example.org", Roles.Volunteer);
        await PostFormAsync(rosa, shifts, $"{shifts}/{shiftId}/signup");
        var full = await PostFormAsync(sam, shifts, $"{shifts}/{shiftId}/signup");
        Assert.Equal(HttpStatusCode.Redirect, full.StatusCode);
        Assert.Contains("This shift is full.", WebUtility.HtmlDecode(await sam.GetStringAsync(shifts)), StringComparison.Ordinal);

        Assert.Contains("rosa-volunteer@example.org", WebUtility.HtmlDecode(await host.GetStringAsync(shifts)), StringComparison.Ordinal);
        Assert.DoesNotContain("rosa-volunteer@example.org", WebUtility.HtmlDecode(await sam.GetStringAsync(shifts)), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.StopShifts.Where(s => s.Id == shiftId).Select(s => s.Taken).SingleAsync()));

        var shiftStart = await App.WithDbAsync(db => db.StopShifts.Where(s => s.Id == shiftId).Select(s => s.StartsAt).SingleAsync());
        Clock.Now = shiftStart.AddHours(-23);
        await Task.WhenAll(RunDueRemindersAsync(), RunDueRemindersAsync());
        await EmailAsync("rosa-volunteer@example.org", "Reminder: your volunteer shift");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, Count("rosa-volunteer@example.org", "Reminder: your volunteer shift"));
        Assert.Equal(0, Count("sam-volunteer@example.org", "Reminder: your volunteer shift"));
    }

    [Fact]
    public async Task Supporters_who_opted_in_near_a_confirmed_stop_get_one_invitation_and_one_nudge_if_they_have_not_replied()
    {
        async Task OptInAsync(string email, string city)
        {
            var supporter = await SignedInAsync(email, Roles.Supporter);
            await PostFormAsync(supporter, "/tours/invitations", "/tours/invitations", ("OptIn", "true"), ("City", city), ("CountryCode", "es"));
        }

        await OptInAsync("tere@example.org", "gijón");
        await OptInAsync("ulises@example.org", "Gijón");
        await OptInAsync("far-away@example.org", "Cádiz");
        await TestUsers.CreateAsync(App, "not-asked@example.org", Roles.Supporter);
        var coordinator = await CoordinatorAsync("coord-outreach@example.org");
        var tour = await NewTourAsync(coordinator, "Outreach tour");
        var stop = await NewConfirmedStopAsync(coordinator, tour, "Gijón", daysAhead: 10, capacity: 50);

        await Task.WhenAll(RunDueRemindersAsync(), RunDueRemindersAsync());
        var invitation = await EmailAsync("tere@example.org", "An event near you: come and listen");
        Assert.Contains("/tours/invitations", invitation.TextBody, StringComparison.Ordinal);
        await EmailAsync("ulises@example.org", "An event near you: come and listen");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        await RunDueRemindersAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, Count("tere@example.org", "An event near you: come and listen"));
        Assert.Equal(0, Count("far-away@example.org", "An event near you: come and listen"));
        Assert.Equal(0, Count("not-asked@example.org", "An event near you: come and listen"));

        // Tere replies; three days before, only Ulises is nudged, once.
        await RsvpAsync(NewBrowser(), tour, stop, "Tere", "tere@example.org");
        var startsAt = await App.WithDbAsync(db => db.TourStops.Where(s => s.Slug == stop).Select(s => s.StartsAt).SingleAsync());
        Clock.Now = startsAt.AddDays(-3).AddMinutes(1);
        await Task.WhenAll(RunDueRemindersAsync(), RunDueRemindersAsync());
        await EmailAsync("ulises@example.org", "Still time to come: an event near you");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, Count("ulises@example.org", "Still time to come: an event near you"));
        Assert.Equal(0, Count("tere@example.org", "Still time to come: an event near you"));
        Assert.Equal(1, Count("ulises@example.org", "An event near you: come and listen"));
    }

    [Fact]
    public async Task A_supporter_in_the_stop_region_is_invited_and_can_stop_invitations_with_one_click()
    {
        var supporter = await SignedInAsync("vera@example.org", Roles.Supporter);
        await PostFormAsync(supporter, "/tours/invitations", "/tours/invitations", ("OptIn", "true"), ("City", "Mieres"), ("CountryCode", "es"), ("Region", "asturias"));
        var coordinator = await CoordinatorAsync("coord-region@example.org");
        var tour = await NewTourAsync(coordinator, "Regional tour");
        var local = Today.AddDays(12).ToDateTime(new TimeOnly(19, 0));
        var fields = StopFields("Oviedo", local, 40).Append(("Region", "Asturias")).Append(("Latitude", "43.3614")).Append(("Longitude", "-5.8494")).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(coordinator, $"/admin/tours/{tour}/stops/new", $"/admin/tours/{tour}/stops/new", fields)).StatusCode);
        var stop = Slug.From($"Oviedo {local:yyyy-MM-dd}");
        await PostFormAsync(coordinator, $"/admin/tours/{tour}", $"/admin/tours/{tour}/stops/{stop}/confirm");

        await RunDueRemindersAsync();
        var invitation = await EmailAsync("vera@example.org", "An event near you: come and listen");

        Assert.Equal("List-Unsubscribe=One-Click", invitation.Headers["List-Unsubscribe-Post"]);
        var link = invitation.Headers["List-Unsubscribe"]!.Trim('<', '>');
        var path = new Uri(link).AbsolutePath;
        Assert.StartsWith("/tours/invitations/stop/", path, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await NewBrowser().GetAsync(path)).StatusCode);
        Assert.True(await App.WithDbAsync(db => db.EventInvitationPreferences.AnyAsync(p => p.Region == "asturias")), "a GET must not stop the invitations");

        // The mail client's one-click POST carries no cookie and no antiforgery token.
        var oneClick = await NewBrowser().PostAsync(path, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.EventInvitationPreferences.AnyAsync(p => p.Region == "asturias")));
        var forged = await NewBrowser().PostAsync(path[..^3] + "xyz", null);
        Assert.Contains("This link does not work", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_adds_a_speaker_whose_contact_and_travel_documents_stay_off_public_pages()
    {
        var coordinator = await CoordinatorAsync("coord-speaker@example.org");
        var created = await PostFormAsync(coordinator, "/admin/tours/speakers/new", "/admin/tours/speakers/new",
            ("DisplayName", "La Voz del Río"), ("PartnerSlug", "tierra-y-libertad"), ("Languages", "Spanish, Q'eqchi'"),
            ("Topics", "Land rights"), ("Bio", "A community radio presenter."), ("ContactEmail", "voz@tierra.example"),
            ("ContactPhone", "+502 5550 0000"), ("TravelDocuments", "Passport G1234567"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var speakerId = await App.WithDbAsync(db => db.Speakers.Where(s => s.Slug == "la-voz-del-rio").Select(s => s.Id).SingleAsync());

        var tour = await PostFormAsync(coordinator, "/admin/tours/new", "/admin/tours/new",
            ("Title", "Rivers and land"), ("PartnerSlug", "tierra-y-libertad"), ("StartsOn", Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("EndsOn", Today.AddDays(12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("Status", "Live"), ("BudgetCurrency", "eur"),
            ("SpeakerIds", speakerId.ToString()));
        Assert.Equal("/admin/tours/rivers-and-land", tour.Headers.Location?.OriginalString);
        Assert.Contains("G1234567", await coordinator.GetStringAsync("/admin/tours/speakers/la-voz-del-rio"), StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.Speakers.Where(s => s.Id == speakerId).Select(s => s.TravelDocuments + " " + s.ContactEmail + " " + s.ContactPhone).SingleAsync());
        Assert.DoesNotContain("G1234567", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("voz@tierra.example", stored, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync("/tours/rivers-and-land"));
        Assert.Contains("La Voz del Río", page, StringComparison.Ordinal);
        Assert.Contains("A peasant movement in Guatemala", page, StringComparison.Ordinal);
        Assert.DoesNotContain("voz@tierra.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain("G1234567", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tierra y Libertad", page, StringComparison.Ordinal);

        var tourEnd = await PostFormAsync(coordinator, "/admin/tours/rivers-and-land/edit", "/admin/tours/rivers-and-land/edit",
            ("Title", "Rivers and land"), ("PartnerSlug", "tierra-y-libertad"), ("StartsOn", Today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("EndsOn", Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("Status", "Live"), ("BudgetCurrency", "EUR"));
        Assert.Contains("The last day cannot be before the first.", WebUtility.HtmlDecode(await tourEnd.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeded_tour_shows_its_route_speaker_and_events_to_the_public()
    {
        var visitor = NewBrowser();

        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync("/tours/voices-from-the-maquilas-2026"));

        Assert.Contains("María Elena Rodríguez", page, StringComparison.Ordinal);
        Assert.DoesNotContain("maria.elena@sindicato-textil.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain("passport", page, StringComparison.OrdinalIgnoreCase);
        foreach (var city in new[] { "Madrid", "Barcelona", "Lyon", "Paris", "Brussels", "Amsterdam" })
        {
            Assert.Contains(city, page, StringComparison.Ordinal);
        }

        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(page, "href=\"/tours/voices-from-the-maquilas-2026/events/").Count);
    }

    [Fact]
    public async Task The_invitation_letter_lists_the_stops_and_hosts_for_the_visa()
    {
        var coordinator = await CoordinatorAsync("coord-letter@example.org");

        var letter = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/admin/tours/voices-from-the-maquilas-2026/speakers/maria-elena-rodriguez/letter"));

        Assert.Contains("María Elena Rodríguez", letter, StringComparison.Ordinal);
        Assert.Contains("Honduran passport", letter, StringComparison.Ordinal);
        Assert.Contains("Ateneo de Madrid", letter, StringComparison.Ordinal);
        Assert.Contains("Schone Kleren Campagne", letter, StringComparison.Ordinal);
    }
}
