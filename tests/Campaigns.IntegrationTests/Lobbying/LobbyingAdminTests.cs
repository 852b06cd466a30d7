using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Lobbying;

/// <summary>Coordinators set up coalitions and campaigns through the admin forms; the public sees them when live.</summary>
public sealed class LobbyingAdminTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task A_coordinator_starts_a_coalition_and_a_campaign_with_targets_letters_and_moments()
    {
        var coordinator = NewBrowser();
        await TestUsers.CreateAsync(App, "coord-setup@example.org", Roles.Coordinator);
        await SignInAsync(coordinator, "coord-setup@example.org", TestUsers.Password);

        var coalition = await PostFormAsync(coordinator, "/admin/coalitions/new", "/admin/coalitions/new",
            ("Name", "Land Rights Network"), ("Sector", "land rights"), ("Purpose", "Peasant movements and their allies."), ("Status", "Live"));
        Assert.Equal("/admin/coalitions/land-rights-network", coalition.Headers.Location?.OriginalString);
        await PostFormAsync(coordinator, "/admin/coalitions/land-rights-network", "/admin/coalitions/land-rights-network/versions",
            ("Text", "1. Land to those who work it."), ("ChangeNote", "First version."));
        Assert.Contains("1. Land to those who work it.", await NewBrowser().GetStringAsync("/coalitions/land-rights-network"), StringComparison.Ordinal);
        Assert.Contains("Land Rights Network", await NewBrowser().GetStringAsync("/coalitions"), StringComparison.Ordinal);

        var rapporteur = await App.WithDbAsync(db => db.Targets.Where(t => t.Name == "Special Rapporteur on the situation of human rights defenders").Select(t => t.Id).SingleAsync());
        var toronto = await App.WithDbAsync(db => db.Targets.Where(t => t.Name == "Jordan Lee MP").Select(t => t.Id).SingleAsync());
        var created = await PostFormAsync(coordinator, "/admin/lobbying/new", "/admin/lobbying/new",
            ("Title", "Raise the land defenders case at the Council"), ("Goal", "Raise case Y at the Human Rights Council session."),
            ("TalkingPoints", "Evictions continue."), ("Status", "Live"), ("CoalitionSlug", "land-rights-network"),
            ("TargetIds", rapporteur.ToString()), ("TargetIds", toronto.ToString()),
            ("Letters[0].Language", "en"), ("Letters[0].Subject", "Please raise case Y"), ("Letters[0].Body", "{salutation},\nPlease raise case Y.\n{name}"),
            ("Letters[1].Language", "es"), ("Letters[1].Subject", "Plantee el caso Y"), ("Letters[1].Body", "{salutation}:\nPlantee el caso Y.\n{name}"),
            ("Letters[2].Language", "fr"), ("Letters[2].Subject", ""), ("Letters[2].Body", ""));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var slug = created.Headers.Location!.OriginalString["/admin/lobbying/".Length..];
        await PostFormAsync(coordinator, $"/admin/lobbying/{slug}", $"/admin/lobbying/{slug}/moments", ("Title", "Council session"), ("Kind", "Session"), ("On", "2027-03-01"));

        var letters = await App.WithDbAsync(db => db.LobbyingLetters.Where(l => db.LobbyingCampaigns.Any(c => c.Id == l.CampaignId && c.Slug == slug)).Select(l => l.Language).OrderBy(l => l).ToListAsync());
        Assert.Equal(["en", "es"], letters);
        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync($"/lobbying/{slug}"));
        Assert.Contains("Raise case Y at the Human Rights Council session.", page, StringComparison.Ordinal);
        Assert.Contains("Council session", page, StringComparison.Ordinal);
        Assert.Contains("Special Rapporteur on the situation of human rights defenders", page, StringComparison.Ordinal);
        Assert.Contains("Raise the land defenders case", await NewBrowser().GetStringAsync("/coalitions/land-rights-network"), StringComparison.Ordinal);

        // A letter with a subject and no text is refused, and nothing of the form is saved.
        var half = await PostFormAsync(coordinator, $"/admin/lobbying/{slug}/edit", $"/admin/lobbying/{slug}/edit",
            ("Title", "Renamed"), ("Status", "Live"), ("Letters[0].Language", "en"), ("Letters[0].Subject", "Only a subject"), ("Letters[0].Body", ""));
        Assert.Equal(HttpStatusCode.OK, half.StatusCode);
        Assert.Contains("A letter needs both a subject and a text.", await half.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Raise the land defenders case at the Council", await App.WithDbAsync(db => db.LobbyingCampaigns.Where(c => c.Slug == slug).Select(c => c.Title).SingleAsync()));
    }

    [Fact]
    public async Task Districts_are_kept_per_country_and_a_target_takes_one_of_its_own_country()
    {
        var coordinator = NewBrowser();
        await TestUsers.CreateAsync(App, "coord-districts@example.org", Roles.Coordinator);
        await SignInAsync(coordinator, "coord-districts@example.org", TestUsers.Password);

        await PostFormAsync(coordinator, "/admin/targets/districts", "/admin/targets/districts", ("countryCode", "ie"), ("name", "Dublin Bay North"));
        var dublin = await App.WithDbAsync(db => db.Districts.Where(d => d.CountryCode == "IE" && d.Name == "Dublin Bay North").Select(d => d.Id).SingleAsync());
        var duplicate = await PostFormAsync(coordinator, "/admin/targets/districts", "/admin/targets/districts", ("countryCode", "IE"), ("name", "Dublin Bay North"));
        Assert.Contains("This district is already in the list.", await coordinator.GetStringAsync(duplicate.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var wrongCountry = await PostFormAsync(coordinator, "/admin/targets/new", "/admin/targets/new",
            ("Name", "Aoife Byrne TD"), ("Institution", "Dáil Éireann"), ("Kind", "Official"), ("CountryCode", "GB"), ("DistrictId", dublin.ToString()));
        Assert.Contains("Choose a district of the target", WebUtility.HtmlDecode(await wrongCountry.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Targets.AnyAsync(t => t.Name == "Aoife Byrne TD")));

        var saved = await PostFormAsync(coordinator, "/admin/targets/new", "/admin/targets/new",
            ("Name", "Aoife Byrne TD"), ("Institution", "Dáil Éireann"), ("Kind", "Official"), ("CountryCode", "IE"), ("DistrictId", dublin.ToString()),
            ("TermStartsOn", "2025-01-01"), ("TermEndsOn", "2029-12-31"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(dublin, await App.WithDbAsync(db => db.Targets.Where(t => t.Name == "Aoife Byrne TD").Select(t => t.DistrictId).SingleAsync()));
    }
}
