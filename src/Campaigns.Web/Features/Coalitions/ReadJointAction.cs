using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Aid;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>
/// Combined counters of a joint action and each co-sponsor's own part, and the supporter list one co-sponsor may
/// see: those who came through it, plus those who agreed to be shared with every co-sponsor.
/// </summary>
public sealed class ReadJointAction(CampaignsDbContext db, ReadDrive drives)
{
    public async Task<JointActionTotals?> TotalsAsync(Guid actionId, CancellationToken cancellationToken)
    {
        var action = await db.JointActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return null;
        }

        var signUps = await db.JointActionSupporters.CountAsync(s => s.JointActionId == actionId, cancellationToken);
        long raised = 0;
        var currency = "";
        var letters = 0;
        var eventSignUps = 0;
        Dictionary<Guid, long> raisedVia = [];
        Dictionary<Guid, int> lettersVia = [];
        Dictionary<Guid, int> eventSignUpsVia = [];
        switch (action.Kind)
        {
            case JointActionKind.AidDrive:
                var drive = await db.AidDrives.AsNoTracking().Where(d => d.Slug == action.ProgrammeSlug).Select(d => new { d.Id, d.Currency }).SingleOrDefaultAsync(cancellationToken);
                if (drive is not null)
                {
                    // The drive's own total, so the coalition never shows a different figure from the drive page.
                    currency = drive.Currency;
                    raised = (await drives.TotalsAsync(drive.Id, cancellationToken)).FirstOrDefault(t => t.Currency == drive.Currency)?.RaisedMinor ?? 0;
                    raisedVia = await drives.RaisedViaMembersAsync(drive.Id, drive.Currency, cancellationToken);
                }

                break;
            case JointActionKind.UrgentAction:
                var taken = db.ActionsTaken.Where(a => (a.Kind == ActionKind.Letter || a.Kind == ActionKind.Email) && db.UrgentActions.Any(u => u.Id == a.UrgentActionId && u.Slug == action.ProgrammeSlug));
                letters = await taken.CountAsync(cancellationToken);
                lettersVia = await taken.Where(a => a.ViaMemberId != null).GroupBy(a => a.ViaMemberId!.Value)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                break;
            case JointActionKind.SpeakerTour:
                // Places and waitlist alike, as the tour counts them; a cancelled reply is no longer a sign-up.
                var rsvps = db.Rsvps.Where(r => r.Status != RsvpStatus.Cancelled
                    && db.TourStops.Any(s => s.Id == r.StopId && db.Tours.Any(t => t.Id == s.TourId && t.Slug == action.ProgrammeSlug)));
                eventSignUps = await rsvps.CountAsync(cancellationToken);
                eventSignUpsVia = await rsvps.Where(r => r.ViaMemberId != null).GroupBy(r => r.ViaMemberId!.Value)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                break;
        }

        var sponsors = await db.CoalitionMembers.AsNoTracking()
            .Where(m => db.JointActionSponsors.Any(s => s.JointActionId == actionId && s.MemberId == m.Id))
            .OrderBy(m => m.OrganisationName)
            .Select(m => new SponsorShare(m.Id, m.OrganisationName, m.Slug, db.JointActionSupporters.Count(x => x.JointActionId == actionId && x.ViaMemberId == m.Id), 0, 0, 0))
            .ToListAsync(cancellationToken);
        sponsors = sponsors.Select(s => s with
        {
            LettersSent = lettersVia.GetValueOrDefault(s.MemberId),
            RaisedMinor = raisedVia.GetValueOrDefault(s.MemberId),
            EventSignUps = eventSignUpsVia.GetValueOrDefault(s.MemberId),
        }).ToList();
        return new JointActionTotals(action.Id, action.Title, action.Kind, action.ProgrammeSlug, signUps, letters, raised, currency, sponsors, eventSignUps);
    }

    public Task<List<SupporterRow>> SupportersVisibleToAsync(Guid actionId, Guid memberId, CancellationToken cancellationToken) =>
        db.JointActionSupporters.AsNoTracking()
            .Where(s => s.JointActionId == actionId && (s.ViaMemberId == memberId || s.ShareWithAllSponsors))
            .Where(_ => db.JointActionSponsors.Any(x => x.JointActionId == actionId && x.MemberId == memberId))
            .OrderBy(s => s.CreatedAt)
            .Select(s => new SupporterRow(s.Name, s.Email, s.ViaMemberId == memberId, s.CreatedAt))
            .ToListAsync(cancellationToken);
}

/// <summary>One co-sponsor's own contribution: what came through its share link ("?via=" its slug).</summary>
/// <param name="EventSignUps">RSVPs to the co-sponsored tour's events (waitlist included, cancellations not).</param>
public sealed record SponsorShare(Guid MemberId, string Name, string Slug, int SignUps, int LettersSent, long RaisedMinor, int EventSignUps);

/// <param name="EventSignUps">RSVPs to the co-sponsored tour's events (waitlist included, cancellations not).</param>
public sealed record JointActionTotals(
    Guid Id, string Title, JointActionKind Kind, string ProgrammeSlug, int SignUps, int LettersSent, long RaisedMinor, string Currency, IReadOnlyList<SponsorShare> Sponsors,
    int EventSignUps);

/// <param name="OwnSignUp">True when the supporter came through this member; false when shared by consent.</param>
public sealed record SupporterRow(string Name, string Email, bool OwnSignUp, DateTimeOffset JoinedAt);
