using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Coalitions;
using Campaigns.Web.Features.Tours.Emails;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

public sealed class RsvpForm
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200)]
    [Display(Name = "Your name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [StringLength(1000)]
    [Display(Name = "Accessibility or interpretation needs (optional)")]
    public string? Needs { get; set; }

    /// <summary>
    /// Slug of the coalition co-sponsor whose share link brought the person. Not validated as input: one that names
    /// no co-sponsor of this tour is simply not recorded.
    /// </summary>
    public string? Via { get; set; }
}

public enum RsvpOutcome
{
    Confirmed,
    Waitlisted,
    AlreadyRegistered,
    Closed,
    NotFound,
}

/// <summary>
/// An RSVP to a confirmed, upcoming event: a place if one is free, otherwise the waitlist. One per email address
/// per event. The place, the row and the confirmation email commit together or not at all.
/// </summary>
public sealed class PlaceRsvp(CampaignsDbContext db, Waitlist waitlist, EventEmails eventEmails, EmailQueue emails, FindCoSponsor coSponsors, TimeProvider clock)
{
    public async Task<RsvpOutcome> HandleAsync(string tourSlug, string stopSlug, RsvpForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.GetUtcNow();
        var stop = await db.TourStops.AsNoTracking()
            .Where(s => s.Slug == stopSlug && db.Tours.Any(t => t.Id == s.TourId && t.Slug == tourSlug && t.Status == ProgrammeStatus.Live))
            .Select(s => new { s.Id, s.Status, s.StartsAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (stop is null)
        {
            return RsvpOutcome.NotFound;
        }

        if (stop.Status != StopStatus.Confirmed || stop.StartsAt <= now)
        {
            return RsvpOutcome.Closed;
        }

        var emailKey = form.Email.Trim().ToLowerInvariant();
        var existing = await db.Rsvps.SingleOrDefaultAsync(r => r.StopId == stop.Id && r.EmailKey == emailKey, cancellationToken);
        if (existing is { Status: not RsvpStatus.Cancelled })
        {
            return RsvpOutcome.AlreadyRegistered;
        }

        var viaMemberId = await coSponsors.HandleAsync(JointActionKind.SpeakerTour, tourSlug, form.Via, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var status = await waitlist.TakePlaceAsync(stop.Id, cancellationToken) ? RsvpStatus.Confirmed : RsvpStatus.Waitlisted;
            var rsvp = existing ?? new Rsvp { Id = Guid.CreateVersion7(now), StopId = stop.Id, Name = "", Email = "", EmailKey = emailKey };
            rsvp.Name = form.Name.Trim();
            rsvp.Email = form.Email.Trim();
            rsvp.Needs = string.IsNullOrWhiteSpace(form.Needs) ? null : form.Needs.Trim();
            rsvp.Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            rsvp.Status = status;
            rsvp.CreatedAt = now;
            rsvp.CancelledAt = null;
            rsvp.ViaMemberId = viaMemberId;
            if (existing is null)
            {
                db.Rsvps.Add(rsvp);
            }

            await db.SaveChangesAsync(cancellationToken);
            await eventEmails.QueueAsync(rsvp, status == RsvpStatus.Confirmed ? EventEmailKind.RsvpConfirmed : EventEmailKind.RsvpWaitlisted, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            emails.EnqueuePending();
            return status == RsvpStatus.Confirmed ? RsvpOutcome.Confirmed : RsvpOutcome.Waitlisted;
        }
        catch (DbUpdateException)
        {
            // Two requests with the same address at once: the unique index kept one; this one is the duplicate.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await db.Rsvps.AnyAsync(r => r.StopId == stop.Id && r.EmailKey == emailKey && r.Status != RsvpStatus.Cancelled, cancellationToken))
            {
                return RsvpOutcome.AlreadyRegistered;
            }

            throw;
        }
    }
}
