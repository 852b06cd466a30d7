using System.Net;
using Campaigns.IntegrationTests.Tours;
using Campaigns.Testing;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Coalitions;
using Campaigns.Web.Features.Tours;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Coalitions;

/// <summary>RSVPs to a co-sponsored tour's events through a member's share link count for that member.</summary>
public sealed class JointTourRsvpTests(ClockedAppFactory app) : ToursTestBase(app), IClassFixture<ClockedAppFactory>
{
    private const string Slug = "garment-workers-solidarity-network";
    private const string Via = "sindicato-textil-del-norte";

    [Fact]
    public async Task Replies_through_one_co_sponsor_count_in_its_share_and_in_the_combined_event_sign_ups()
    {
        var coordinator = await CoordinatorAsync("coord-joint-tour@example.org");
        var tour = await NewTourAsync(coordinator, "Joint speaker tour");
        var stop = await NewConfirmedStopAsync(coordinator, tour, "Bilbao", daysAhead: 6, capacity: 1);
        var union = await App.MemberIdAsync(Via);
        var cleanThreads = await App.MemberIdAsync("clean-threads-campaign");
        var actionId = await JointTourAsync(tour, union, cleanThreads);

        // The member's share link, the tour, the event, the RSVP form: "via" travels all the way to the reply.
        var visitor = NewBrowser();
        Assert.Contains($"href=\"/tours/{tour}?via={Via}\"", await visitor.GetStringAsync($"/coalitions/{Slug}/actions/{actionId}?via={Via}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/tours/{tour}/events/{stop}?via={Via}\"", await visitor.GetStringAsync($"/tours/{tour}?via={Via}"), StringComparison.Ordinal);
        var eventPage = $"/tours/{tour}/events/{stop}?via={Via}";
        Assert.Contains($"name=\"Via\" value=\"{Via}\"", await visitor.GetStringAsync(eventPage), StringComparison.Ordinal);

        // The place, then the waitlist: both are sign-ups for the member.
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(eventPage, tour, stop, "Itziar", "itziar@example.org", Via)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(eventPage, tour, stop, "Josu", "josu@example.org", Via)).StatusCode);

        // No link, or a link that names no co-sponsor of this tour: the reply goes through and counts for nobody.
        var plainPage = $"/tours/{tour}/events/{stop}";
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(plainPage, tour, stop, "Karmele", "karmele@example.org", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(plainPage, tour, stop, "Leire", "leire@example.org", "collectif-ethique-sur-l-etiquette")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(plainPage, tour, stop, "Mikel", "mikel@example.org", "no-such-member")).StatusCode);

        var rsvps = await App.WithDbAsync(db => db.Rsvps.Where(r => db.TourStops.Any(s => s.Id == r.StopId && s.Slug == stop)).ToDictionaryAsync(r => r.EmailKey));
        Assert.Equal(union, rsvps["itziar@example.org"].ViaMemberId);
        Assert.Equal(union, rsvps["josu@example.org"].ViaMemberId);
        Assert.Equal(RsvpStatus.Waitlisted, rsvps["josu@example.org"].Status);
        Assert.All(new[] { "karmele@example.org", "leire@example.org", "mikel@example.org" }, e => Assert.Null(rsvps[e].ViaMemberId));

        // A cancelled reply is no longer a sign-up, for the member or in the combined count.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CancelRsvp>().HandleAsync(rsvps["itziar@example.org"].Id, CancellationToken.None));
        }

        var totals = await App.JointTotalsAsync(actionId);
        Assert.Equal(4, totals.EventSignUps);
        Assert.Equal(1, totals.Sponsors.Single(s => s.MemberId == union).EventSignUps);
        Assert.Equal(0, totals.Sponsors.Single(s => s.MemberId == cleanThreads).EventSignUps);

        // The union's own page shows its sign-ups beside everyone's; staff see each co-sponsor's share.
        var partnerId = await App.WithDbAsync(db => db.Partners.Where(p => p.Slug == "sindicato-textil-norte").Select(p => p.Id).SingleAsync());
        var user = await TestUsers.CreateAsync(App, "union-tour@example.org", Roles.Partner);
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PartnerOrganisationId, partnerId)));
        var partner = NewBrowser();
        await SignInAsync(partner, "union-tour@example.org", TestUsers.Password);
        var own = await partner.GetStringAsync($"/coalitions/{Slug}/actions/{actionId}/supporters");
        Assert.Contains("data-count=\"combined-event-signups\">4<", own, StringComparison.Ordinal);
        Assert.Contains("data-count=\"own-event-signups\">1<", own, StringComparison.Ordinal);

        var admin = await coordinator.GetStringAsync($"/admin/coalitions/{Slug}/actions/{actionId}");
        Assert.Contains("data-count=\"event-signups\">1<", admin, StringComparison.Ordinal);
        Assert.Contains("data-count=\"event-signups\">4<", admin, StringComparison.Ordinal);
        Assert.Contains("data-count=\"event-signups\">4<", await NewBrowser().GetStringAsync($"/coalitions/{Slug}/actions/{actionId}"), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> ReplyAsync(string page, string tour, string stop, string name, string email, string? via)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        var fields = new List<(string, string)> { ("Name", name), ("Email", email), ("Needs", "") };
        if (via is not null)
        {
            fields.Add(("Via", via));
        }

        return PostFormAsync(NewBrowser(), page, $"/tours/{tour}/events/{stop}/rsvp", [.. fields]);
    }

    private Task<Guid> JointTourAsync(string tour, params Guid[] members) => App.WithDbAsync(async db =>
    {
        var action = new JointAction
        {
            Id = Guid.NewGuid(),
            CoalitionId = await db.Coalitions.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync(),
            Kind = JointActionKind.SpeakerTour,
            ProgrammeSlug = tour,
            Title = "Speakers, together",
            CreatedAt = Clock.GetUtcNow(),
            Sponsors = members.Select(m => new JointActionSponsor { MemberId = m }).ToList(),
        };
        db.JointActions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    });
}
