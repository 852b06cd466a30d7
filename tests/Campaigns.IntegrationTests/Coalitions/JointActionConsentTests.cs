using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Coalitions;

/// <summary>Joint actions: combined counters, each co-sponsor's own part, and consent kept per organisation.</summary>
public sealed class JointActionConsentTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Slug = "garment-workers-solidarity-network";

    [Fact]
    public async Task A_supporter_who_joined_through_one_member_is_not_shared_with_the_others_unless_they_agreed()
    {
        var actionId = await App.WithDbAsync(db => db.JointActions.Where(a => a.ProgrammeSlug == "river-defenders-threatened").Select(a => a.Id).SingleAsync());
        var page = $"/coalitions/{Slug}/actions/{actionId}";

        var onlyUnion = await JoinAsync(page, actionId, "sindicato-textil-del-norte", "Rosa", "rosa@example.org", share: false);
        Assert.Equal(HttpStatusCode.Redirect, onlyUnion.StatusCode);
        await JoinAsync(page, actionId, "clean-threads-campaign", "Tom", "tom@example.org", share: false);
        await JoinAsync(page, actionId, "clean-threads-campaign", "Lina", "lina@example.org", share: true);

        var rosa = await App.WithDbAsync(db => db.JointActionSupporters.SingleAsync(s => s.Email == "rosa@example.org"));
        Assert.Contains("Sindicato Textil del Norte may contact me", rosa.ConsentText, StringComparison.Ordinal);
        Assert.False(rosa.ShareWithAllSponsors);

        // The union's own partner user: its own sign-up and the shared one, never the other member's own list.
        var partnerId = await App.WithDbAsync(db => db.Partners.Where(p => p.Slug == "sindicato-textil-norte").Select(p => p.Id).SingleAsync());
        var user = await TestUsers.CreateAsync(App, "union-partner@example.org", Roles.Partner);
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PartnerOrganisationId, partnerId)));
        var union = NewBrowser();
        await SignInAsync(union, "union-partner@example.org", TestUsers.Password);
        var unionView = await union.GetStringAsync($"/coalitions/{Slug}/actions/{actionId}/supporters");
        Assert.Contains("rosa@example.org", unionView, StringComparison.Ordinal);
        Assert.Contains("lina@example.org", unionView, StringComparison.Ordinal);
        Assert.DoesNotContain("tom@example.org", unionView, StringComparison.Ordinal);
        Assert.Contains("data-count=\"combined\">3<", unionView, StringComparison.Ordinal);
        Assert.Contains("data-count=\"own\">1<", unionView, StringComparison.Ordinal);

        // The other co-sponsor's list as staff see it: its own two, never the union's unshared supporter.
        var coordinator = NewBrowser();
        await TestUsers.CreateAsync(App, "coord-joint@example.org", Roles.Coordinator);
        await SignInAsync(coordinator, "coord-joint@example.org", TestUsers.Password);
        var cleanThreadsId = await App.WithDbAsync(db => db.CoalitionMembers.Where(m => m.Slug == "clean-threads-campaign").Select(m => m.Id).SingleAsync());
        var cleanThreadsView = await coordinator.GetStringAsync($"/admin/coalitions/{Slug}/actions/{actionId}?member={cleanThreadsId}");
        Assert.Contains("tom@example.org", cleanThreadsView, StringComparison.Ordinal);
        Assert.Contains("lina@example.org", cleanThreadsView, StringComparison.Ordinal);
        Assert.DoesNotContain("rosa@example.org", cleanThreadsView, StringComparison.Ordinal);

        // Another partner organisation sees nothing of this action.
        var otherPartner = await App.WithDbAsync(db => db.Partners.Where(p => p.Slug == "tierra-y-libertad").Select(p => p.Id).SingleAsync());
        var other = await TestUsers.CreateAsync(App, "other-partner@example.org", Roles.Partner);
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == other.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PartnerOrganisationId, otherPartner)));
        var outsider = NewBrowser();
        await SignInAsync(outsider, "other-partner@example.org", TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/coalitions/{Slug}/actions/{actionId}/supporters")).StatusCode);

        // The public page shows the combined count only.
        var publicPage = await NewBrowser().GetStringAsync(page);
        Assert.Contains("data-count=\"signups\">3<", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("rosa@example.org", publicPage, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> JoinAsync(string page, Guid actionId, string via, string name, string email, bool share)
    {
        var fields = new List<(string, string)> { ("Name", name), ("Email", email), ("Via", via) };
        if (share)
        {
            fields.Add(("ShareWithAllSponsors", "true"));
        }

        return PostFormAsync(NewBrowser(), page + "?via=" + via, $"/coalitions/{Slug}/actions/{actionId}/join", [.. fields]);
    }

    [Fact]
    public async Task A_coordinator_links_a_member_to_its_partner_organisation_whose_users_then_see_its_supporters()
    {
        var actionId = await App.WithDbAsync(db => db.JointActions.Where(a => a.ProgrammeSlug == "river-defenders-threatened").Select(a => a.Id).SingleAsync());
        var partnerId = await App.WithDbAsync(db => db.Partners.Where(p => p.Slug == "sante-pour-tous-kivu").Select(p => p.Id).SingleAsync());
        var member = await App.WithDbAsync(db => db.CoalitionMembers.Where(m => m.Slug == "clean-threads-campaign").Select(m => m.Id).SingleAsync());
        var user = await TestUsers.CreateAsync(App, "linked-partner@example.org", Roles.Partner);
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PartnerOrganisationId, partnerId)));
        var partner = NewBrowser();
        await SignInAsync(partner, "linked-partner@example.org", TestUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/coalitions/{Slug}/actions/{actionId}/supporters")).StatusCode);

        await TestUsers.CreateAsync(App, "coord-link@example.org", Roles.Coordinator);
        var coordinator = NewBrowser();
        await SignInAsync(coordinator, "coord-link@example.org", TestUsers.Password);
        var forged = await PostFormAsync(coordinator, $"/admin/coalitions/{Slug}", $"/admin/coalitions/{Slug}/members/{member}/partner", ("partnerId", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.CoalitionMembers.Where(m => m.Id == member).Select(m => m.PartnerOrganisationId).SingleAsync()));

        await PostFormAsync(coordinator, $"/admin/coalitions/{Slug}", $"/admin/coalitions/{Slug}/members/{member}/partner", ("partnerId", partnerId.ToString()));

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/coalitions/{Slug}/actions/{actionId}/supporters")).StatusCode);
    }
}
