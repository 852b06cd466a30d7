using System.Net;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Assistance;

public sealed class AssistanceTests(AssistanceAppFactory app) : AppTestBase(app), IClassFixture<AssistanceAppFactory>
{
    private async Task<HttpClient> BrowserForAsync(string email)
    {
        var browser = NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, email, TestUsers.Password)).StatusCode);
        return browser;
    }

    private async Task<HttpClient> PartnerAsync(string email, string partnerSlug = "tierra-y-libertad")
    {
        await AssistanceJourney.PartnerAsync(App, email, partnerSlug);
        return await BrowserForAsync(email);
    }

    private async Task<HttpClient> CoordinatorAsync(string email)
    {
        await TestUsers.CreateAsync(App, email, Roles.Coordinator);
        return await BrowserForAsync(email);
    }

    /// <summary>A volunteer with a profile: digital security (expert), Spanish C1, remote and on site, free for a year.</summary>
    private async Task<(HttpClient Browser, Guid Id)> VolunteerAsync(string email)
    {
        var user = await TestUsers.CreateAsync(App, email, Roles.Volunteer);
        var browser = await BrowserForAsync(email);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var saved = await PostFormAsync(browser, "/volunteer/profile", "/volunteer/profile",
            ($"Skills[{await AssistanceJourney.SkillAsync(App, "digital-security")}]", "Expert"),
            ($"Skills[{await AssistanceJourney.SkillAsync(App, "training")}]", "Working"),
            ("Languages", "es C1, en C2"), ("CountryCode", "fr"), ("City", "Lyon"), ("Remote", "true"), ("OnSite", "true"),
            ("Windows[0].From", today.ToString("yyyy-MM-dd")), ("Windows[0].To", today.AddDays(365).ToString("yyyy-MM-dd")), ("Windows[0].HoursPerWeek", "20"),
            ("References", "Trained newsrooms in Honduras."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (browser, user.Id);
    }

    private async Task<HttpResponseMessage> PostRequestAsync(HttpClient partner, string title, string startsOn = "", string endsOn = "", bool withSkill = true)
    {
        var fields = new List<(string, string)>
        {
            ("Title", title), ("Summary", "Teach safe phone use to reporters."), ("Languages", "es B2"), ("Remote", "true"), ("OnSite", "true"),
            ("Location", "Tegucigalpa"), ("StartsOn", startsOn), ("EndsOn", endsOn), ("HoursPerWeek", "10"), ("MinimumLevel", "Working"),
            ("SafetyNotes", "Reporters were followed; travel with the partner's driver only."),
        };
        if (withSkill)
        {
            fields.Add(($"Skills[{await AssistanceJourney.SkillAsync(App, "digital-security")}]", "required"));
            fields.Add(($"Skills[{await AssistanceJourney.SkillAsync(App, "video")}]", "nice"));
        }

        return await PostFormAsync(partner, "/partner/requests/new", "/partner/requests/new", [.. fields]);
    }

    private static string Day(DateOnly today, int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<Guid> DeploymentIdAsync(string slug, Guid volunteerId) =>
        App.WithDbAsync(db => db.Deployments.Where(d => d.VolunteerId == volunteerId && db.AssistanceRequests.Any(r => r.Id == d.RequestId && r.Slug == slug))
            .OrderByDescending(d => d.ProposedAt).Select(d => d.Id).FirstAsync());

    [Fact]
    public async Task A_partner_posts_a_request_that_the_public_sees_without_its_safety_notes()
    {
        var partner = await PartnerAsync("partner-post@example.org");

        var posted = await PostRequestAsync(partner, "Phone safety for reporters");

        Assert.Equal("/partner/requests/phone-safety-for-reporters", posted.Headers.Location?.OriginalString);
        var list = await NewBrowser().GetStringAsync("/assistance");
        Assert.Contains("href=\"/assistance/phone-safety-for-reporters\"", list, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync("/assistance/phone-safety-for-reporters"));
        Assert.Contains("Digital security", page, StringComparison.Ordinal);
        Assert.Contains("Tegucigalpa", page, StringComparison.Ordinal);
        Assert.DoesNotContain("driver", page, StringComparison.Ordinal);
        Assert.DoesNotContain("@", page.Split("<main")[^1].Split("</main>")[0], StringComparison.Ordinal);
        Assert.Contains("driver", WebUtility.HtmlDecode(await partner.GetStringAsync("/partner/requests/phone-safety-for-reporters")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_no_skills_or_ending_before_it_starts_is_refused_and_nothing_is_saved()
    {
        var partner = await PartnerAsync("partner-bad@example.org");

        var noSkills = await PostRequestAsync(partner, "No skills at all", withSkill: false);
        var backwards = await PostRequestAsync(partner, "Backwards dates", "2026-06-10", "2026-06-01");

        Assert.Contains("Choose at least one required skill.", await noSkills.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The end date is before the start date.", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.AssistanceRequests.AnyAsync(r => r.Title == "No skills at all" || r.Title == "Backwards dates")));
    }

    [Fact]
    public async Task Availability_that_ends_before_it_starts_is_refused_and_the_profile_is_not_saved()
    {
        var user = await TestUsers.CreateAsync(App, "vol-backwards@example.org", Roles.Volunteer);
        var browser = await BrowserForAsync("vol-backwards@example.org");

        var response = await PostFormAsync(browser, "/volunteer/profile", "/volunteer/profile",
            ($"Skills[{await AssistanceJourney.SkillAsync(App, "nursing")}]", "Expert"),
            ("Windows[0].From", "2026-06-10"), ("Windows[0].To", "2026-06-01"), ("Windows[0].HoursPerWeek", "10"));

        Assert.Contains("An availability window ends before it starts.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.VolunteerProfiles.AnyAsync(p => p.UserId == user.Id)));
    }

    [Fact]
    public async Task A_partner_cannot_see_or_act_on_another_organisations_request_or_offers()
    {
        var owner = await PartnerAsync("partner-owner@example.org");
        await PostRequestAsync(owner, "Private to its owner");
        var (volunteer, volunteerId) = await VolunteerAsync("vol-other-org@example.org");
        await PostFormAsync(volunteer, "/assistance/private-to-its-owner", "/assistance/private-to-its-owner/offer");
        var deploymentId = await DeploymentIdAsync("private-to-its-owner", volunteerId);
        var stranger = await PartnerAsync("partner-stranger@example.org", "sindicato-textil-norte");
        var token = await AntiforgeryTokenAsync(stranger, "/partner/requests/new");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/partner/requests/private-to-its-owner")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/partner/requests/private-to-its-owner/edit")).StatusCode);
        foreach (var action in new[] { "/partner/requests/private-to-its-owner/close", $"/partner/deployments/{deploymentId}/accept" })
        {
            var response = await stranger.PostAsync(action, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.DoesNotContain("Private to its owner", await stranger.GetStringAsync("/partner/requests"), StringComparison.Ordinal);
        Assert.Equal(DeploymentStatus.Proposed, await App.WithDbAsync(db => db.Deployments.Where(d => d.Id == deploymentId).Select(d => d.Status).SingleAsync()));
        Assert.Equal(ProgrammeStatus.Live, await App.WithDbAsync(db => db.AssistanceRequests.Where(r => r.Slug == "private-to-its-owner").Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_volunteer_offers_once_and_a_second_offer_is_refused_clearly()
    {
        var partner = await PartnerAsync("partner-offer@example.org");
        await PostRequestAsync(partner, "Offer once");
        var (volunteer, volunteerId) = await VolunteerAsync("vol-twice@example.org");

        await PostFormAsync(volunteer, "/assistance/offer-once", "/assistance/offer-once/offer");
        await PostFormAsync(volunteer, "/assistance/offer-once", "/assistance/offer-once/offer");

        var page = WebUtility.HtmlDecode(await volunteer.GetStringAsync("/assistance/offer-once"));
        Assert.Contains("You have already offered yourself for this request.", page, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Deployments.CountAsync(d => d.VolunteerId == volunteerId)));
    }

    [Fact]
    public async Task The_partner_hears_of_an_offer_and_the_volunteer_hears_the_answer_in_their_own_language()
    {
        var partner = await PartnerAsync("partner-notice@example.org");
        await PostRequestAsync(partner, "Notices both ways");
        var (volunteer, volunteerId) = await VolunteerAsync("vol-notice@example.org");
        await PostFormAsync(volunteer, "/", "/culture", ("culture", "es"), ("returnUrl", "/"));
        await PostFormAsync(volunteer, "/assistance/notices-both-ways", "/assistance/notices-both-ways/offer");

        var offered = await App.Smtp.WaitForAsync(m => m.To.ToString().Contains("partner-notice@example.org", StringComparison.Ordinal) && m.Subject == "A volunteer for your request", TimeSpan.FromSeconds(20));
        Assert.Contains("/partner/requests/notices-both-ways", offered.TextBody, StringComparison.Ordinal);

        var deploymentId = await DeploymentIdAsync("notices-both-ways", volunteerId);
        await PostFormAsync(partner, "/partner/requests/notices-both-ways", $"/partner/deployments/{deploymentId}/accept");
        var accepted = await App.Smtp.WaitForAsync(m => m.To.ToString().Contains("vol-notice@example.org", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal("La organización socia aceptó tu ayuda", accepted.Subject);
        Assert.Contains("/volunteer/deployments", accepted.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partner_sees_the_volunteers_contact_only_after_accepting()
    {
        var partner = await PartnerAsync("partner-contact@example.org");
        await PostRequestAsync(partner, "Contact after acceptance");
        var (volunteer, volunteerId) = await VolunteerAsync("vol-contact@example.org");
        await PostFormAsync(volunteer, "/assistance/contact-after-acceptance", "/assistance/contact-after-acceptance/offer");
        Assert.DoesNotContain("vol-contact@example.org", await partner.GetStringAsync("/partner/requests/contact-after-acceptance"), StringComparison.Ordinal);
        Assert.DoesNotContain("driver", WebUtility.HtmlDecode(await volunteer.GetStringAsync("/volunteer/deployments")), StringComparison.Ordinal);

        var deploymentId = await DeploymentIdAsync("contact-after-acceptance", volunteerId);
        await PostFormAsync(partner, "/partner/requests/contact-after-acceptance", $"/partner/deployments/{deploymentId}/accept");

        Assert.Contains("vol-contact@example.org", await partner.GetStringAsync("/partner/requests/contact-after-acceptance"), StringComparison.Ordinal);
        Assert.Contains("driver", WebUtility.HtmlDecode(await volunteer.GetStringAsync("/volunteer/deployments")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_sees_ranked_explained_matches_and_proposes_a_volunteer_the_partner_then_accepts()
    {
        var partner = await PartnerAsync("partner-match@example.org");
        await PostRequestAsync(partner, "Matched request");
        var (_, volunteerId) = await VolunteerAsync("vol-match@example.org");
        var coordinator = await CoordinatorAsync("coord-match@example.org");

        var index = await coordinator.GetStringAsync("/admin/assistance");
        Assert.Contains("href=\"/admin/assistance/requests/matched-request\"", index, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/assistance/partners/tierra-y-libertad\"", index, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/admin/assistance/requests/matched-request"));
        Assert.Contains("has 1 of 1 required skills; has 0 of 1 nice-to-have skills; speaks Spanish C1", page, StringComparison.Ordinal);
        Assert.Contains("vol-match@example.org", page, StringComparison.Ordinal);
        await PostFormAsync(coordinator, "/admin/assistance/requests/matched-request", "/admin/assistance/requests/matched-request/propose", ("volunteerId", volunteerId.ToString()));

        var deploymentId = await DeploymentIdAsync("matched-request", volunteerId);
        await PostFormAsync(partner, "/partner/requests/matched-request", $"/partner/deployments/{deploymentId}/accept");
        var deployment = await App.WithDbAsync(db => db.Deployments.SingleAsync(d => d.Id == deploymentId));
        Assert.Equal((DeploymentOrigin.Proposed, DeploymentStatus.Accepted), (deployment.Origin, deployment.Status));
        Assert.NotNull(deployment.AcceptedAt);
    }

    [Fact]
    public async Task A_deployment_goes_from_offer_to_completion_with_each_step_timestamped_by_its_actor()
    {
        var partnerUser = await AssistanceJourney.PartnerAsync(App, "partner-life@example.org", "tierra-y-libertad");
        var partner = await BrowserForAsync("partner-life@example.org");
        await PostRequestAsync(partner, "Whole lifecycle");
        var (volunteer, volunteerId) = await VolunteerAsync("vol-life@example.org");
        var coordinator = await CoordinatorAsync("coord-life@example.org");
        await PostFormAsync(volunteer, "/assistance/whole-lifecycle", "/assistance/whole-lifecycle/offer");
        var id = await DeploymentIdAsync("whole-lifecycle", volunteerId);

        // Nobody is sent whom the partner did not accept.
        await PostFormAsync(coordinator, $"/admin/assistance/deployments/{id}", $"/admin/assistance/deployments/{id}/start");
        Assert.Equal(DeploymentStatus.Proposed, await App.WithDbAsync(db => db.Deployments.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));

        await PostFormAsync(partner, "/partner/requests/whole-lifecycle", $"/partner/deployments/{id}/accept");
        foreach (var step in new[] { "brief", "start", "complete" })
        {
            await PostFormAsync(coordinator, $"/admin/assistance/deployments/{id}", $"/admin/assistance/deployments/{id}/{step}");
        }

        await PostFormAsync(volunteer, "/volunteer/deployments", $"/volunteer/deployments/{id}/handover", ("report", "Twelve reporters trained; guides left with the radio."));
        await PostFormAsync(partner, "/partner/requests/whole-lifecycle", $"/partner/deployments/{id}/rate", ("rating", "5"), ("comment", "Patient and clear."));

        var d = await App.WithDbAsync(db => db.Deployments.SingleAsync(x => x.Id == id));
        Assert.Equal(DeploymentStatus.Completed, d.Status);
        Assert.Equal(partnerUser.Id, d.AcceptedBy);
        Assert.All(new[] { d.BriefedBy, d.StartedBy, d.CompletedBy }, by => Assert.NotEqual(partnerUser.Id, by));
        Assert.All(new[] { d.AcceptedAt, d.BriefedAt, d.StartedAt, d.CompletedAt }, at => Assert.NotNull(at));
        Assert.Equal((5, "Twelve reporters trained; guides left with the radio."), (d.PartnerRating!.Value, d.HandoverReport));
        var history = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/admin/assistance/volunteers/{volunteerId}"));
        Assert.Contains("Whole lifecycle", history, StringComparison.Ordinal);
        Assert.Contains("Patient and clear.", WebUtility.HtmlDecode(await coordinator.GetStringAsync("/admin/assistance/partners/tierra-y-libertad")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_accepting_a_volunteer_who_withdrew_is_refused()
    {
        var partner = await PartnerAsync("partner-withdrawn@example.org");
        await PostRequestAsync(partner, "Withdrawn before acceptance");
        var (volunteer, volunteerId) = await VolunteerAsync("vol-withdrawn@example.org");
        await PostFormAsync(volunteer, "/assistance/withdrawn-before-acceptance", "/assistance/withdrawn-before-acceptance/offer");
        var id = await DeploymentIdAsync("withdrawn-before-acceptance", volunteerId);
        await PostFormAsync(volunteer, "/volunteer/deployments", $"/volunteer/deployments/{id}/withdraw");

        await PostFormAsync(partner, "/partner/requests/withdrawn-before-acceptance", $"/partner/deployments/{id}/accept", ("back", "/partner/requests/withdrawn-before-acceptance"));

        Assert.Contains("The volunteer has withdrawn.", await partner.GetStringAsync("/partner/requests/withdrawn-before-acceptance"), StringComparison.Ordinal);
        Assert.Equal(DeploymentStatus.Withdrawn, await App.WithDbAsync(db => db.Deployments.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task Two_overlapping_deployments_of_the_same_volunteer_are_refused()
    {
        var partner = await PartnerAsync("partner-overlap@example.org");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await PostRequestAsync(partner, "First in June", Day(today, 30), Day(today, 60));
        await PostRequestAsync(partner, "Overlapping in June", Day(today, 50), Day(today, 80));
        var (volunteer, volunteerId) = await VolunteerAsync("vol-overlap@example.org");
        await PostFormAsync(volunteer, "/assistance/first-in-june", "/assistance/first-in-june/offer");
        await PostFormAsync(volunteer, "/assistance/overlapping-in-june", "/assistance/overlapping-in-june/offer");
        await PostFormAsync(partner, "/partner/requests/first-in-june", $"/partner/deployments/{await DeploymentIdAsync("first-in-june", volunteerId)}/accept");

        var second = await DeploymentIdAsync("overlapping-in-june", volunteerId);
        await PostFormAsync(partner, "/partner/requests/overlapping-in-june", $"/partner/deployments/{second}/accept", ("back", "/partner/requests/overlapping-in-june"));

        Assert.Contains("This volunteer is already deployed over these dates.", await partner.GetStringAsync("/partner/requests/overlapping-in-june"), StringComparison.Ordinal);
        Assert.Equal(DeploymentStatus.Proposed, await App.WithDbAsync(db => db.Deployments.Where(d => d.Id == second).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_paused_request_leaves_the_public_pages_and_a_closed_one_takes_no_offers()
    {
        var partner = await PartnerAsync("partner-pause@example.org");
        await PostRequestAsync(partner, "Paused then closed");
        await PostFormAsync(partner, "/partner/requests/paused-then-closed", "/partner/requests/paused-then-closed/pause");
        Assert.Equal(HttpStatusCode.NotFound, (await NewBrowser().GetAsync("/assistance/paused-then-closed")).StatusCode);

        await PostFormAsync(partner, "/partner/requests/paused-then-closed", "/partner/requests/paused-then-closed/close");
        var (volunteer, volunteerId) = await VolunteerAsync("vol-closed@example.org");
        await PostFormAsync(volunteer, "/assistance", "/assistance/paused-then-closed/offer");

        Assert.False(await App.WithDbAsync(db => db.Deployments.AnyAsync(d => d.VolunteerId == volunteerId)));
    }
}
