using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours.Admin;

/// <summary>
/// Creates or updates a tour with its speakers. A new tour starts with the default reminder rules (a day before
/// each event, feedback a day after), which the coordinator can change.
/// </summary>
public sealed class SaveTour(CampaignsDbContext db, TimeProvider clock)
{
    /// <returns>The tour's slug, or null when the tour or partner does not exist.</returns>
    public async Task<string?> SaveAsync(string? slug, TourForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var partnerId = await db.Partners.Where(p => p.Slug == form.PartnerSlug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (partnerId is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        SpeakerTour? tour;
        if (slug is null)
        {
            var baseSlug = Slug.From(form.Title) is { Length: > 0 } s ? s : "tour";
            var newSlug = await Slug.FreeAsync(baseSlug, taken => db.Tours.AnyAsync(t => t.Slug == taken, cancellationToken));

            tour = new SpeakerTour { Id = Guid.CreateVersion7(now), Slug = newSlug, Title = "" };
            db.Tours.Add(tour);
            db.ReminderRules.AddRange(TourReminderKinds.Defaults(tour.Id, now));
        }
        else
        {
            tour = await db.Tours.Include(t => t.Speakers).SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            if (tour is null)
            {
                return null;
            }
        }

        tour.Title = form.Title.Trim();
        tour.Summary = form.Summary?.Trim() ?? "";
        tour.PartnerOrganisationId = partnerId.Value;
        tour.StartsOn = form.StartsOn!.Value;
        tour.EndsOn = form.EndsOn!.Value;
        tour.Status = form.Status;
        tour.BudgetCurrency = form.BudgetCurrency.ToUpperInvariant();
        var speakers = await db.Speakers.Where(s => form.SpeakerIds.Contains(s.Id)).ToListAsync(cancellationToken);
        tour.Speakers.RemoveAll(s => !form.SpeakerIds.Contains(s.Id));
        tour.Speakers.AddRange(speakers.Where(s => tour.Speakers.All(x => x.Id != s.Id)));
        await db.SaveChangesAsync(cancellationToken);
        return tour.Slug;
    }
}
