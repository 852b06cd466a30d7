using System.Globalization;
using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Tours.Admin;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

/// <summary>
/// seeds/tours.json: speakers, and the stops of the base seed's tours (found by slug). A speaker is keyed by slug, a
/// stop by tour and city; what exists is left alone.
/// </summary>
public sealed class ToursSeeder(CampaignsDbContext db, SpeakerSecrets secrets, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var seeds = await DemoDataSeeder.ReadAsync<ToursSeed>(folder, "tours.json", cancellationToken);
        if (seeds is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var s in seeds.Speakers)
        {
            if (await db.Speakers.AnyAsync(x => x.Slug == s.Slug, cancellationToken))
            {
                continue;
            }

            db.Speakers.Add(new Speaker
            {
                Id = Guid.CreateVersion7(now),
                Slug = s.Slug,
                DisplayName = s.DisplayName,
                PartnerOrganisationId = await db.Partners.Where(p => p.Slug == s.Partner).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken),
                Languages = s.Languages,
                Topics = s.Topics,
                Bio = s.Bio,
                ContactEmail = secrets.Protect(s.ContactEmail),
                ContactPhone = secrets.Protect(s.ContactPhone),
                TravelDocuments = secrets.Protect(s.TravelDocuments),
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var t in seeds.Tours)
        {
            var tour = await db.Tours.Include(x => x.Speakers).Include(x => x.Stops).AsSplitQuery().SingleOrDefaultAsync(x => x.Slug == t.Slug, cancellationToken);
            if (tour is null)
            {
                continue;
            }

            tour.BudgetCurrency = t.BudgetCurrency;
            foreach (var speaker in await db.Speakers.Where(x => t.Speakers.Contains(x.Slug)).ToListAsync(cancellationToken))
            {
                if (tour.Speakers.All(x => x.Id != speaker.Id))
                {
                    tour.Speakers.Add(speaker);
                }
            }

            foreach (var s in t.Stops.Where(s => tour.Stops.All(x => x.City != s.City)))
            {
                var zone = TimeZones.Find(s.TimeZone) ?? throw new InvalidOperationException($"seeds: unknown time zone '{s.TimeZone}'.");
                var date = today.AddDays(s.Day);
                var local = date.ToDateTime(TimeOnly.Parse(s.Start, CultureInfo.InvariantCulture));
                var startsAt = TimeZones.ToUtc(local, zone)!.Value;
                db.TourStops.Add(new TourStop
                {
                    Id = Guid.CreateVersion7(now),
                    TourId = tour.Id,
                    Slug = Slug.From($"{s.City} {date:yyyy-MM-dd}"),
                    City = s.City,
                    CountryCode = s.CountryCode,
                    Region = s.Region ?? "",
                    Latitude = s.Latitude,
                    Longitude = s.Longitude,
                    VenueName = s.Venue,
                    VenueAddress = s.Address,
                    StartsAt = startsAt,
                    EndsAt = startsAt.AddHours(s.Hours),
                    TimeZoneId = s.TimeZone,
                    HostOrganisation = s.Host,
                    HostContactName = s.HostContact,
                    HostContactEmail = s.HostEmail,
                    Capacity = s.Capacity,
                    Language = s.Language,
                    Interpretation = s.Interpretation,
                    TravelCostMinor = s.Travel,
                    VenueCostMinor = s.VenueCost,
                    HonorariumMinor = s.Honorarium,
                    Status = StopStatus.Confirmed,
                    ConfirmedAt = now,
                    CreatedAt = now,
                });
            }

            var kinds = await db.ReminderRules.Where(r => r.ScopeId == tour.Id).Select(r => r.Kind).ToListAsync(cancellationToken);
            db.ReminderRules.AddRange(TourReminderKinds.Defaults(tour.Id, now).Where(r => !kinds.Contains(r.Kind)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record ToursSeed(List<SpeakerSeed> Speakers, List<TourSeed> Tours);

    private sealed record SpeakerSeed(string Slug, string DisplayName, string? Partner, string Languages, string Topics, string Bio, string? ContactEmail, string? ContactPhone, string? TravelDocuments);

    private sealed record TourSeed(string Slug, List<string> Speakers, string BudgetCurrency, List<StopSeed> Stops);

    private sealed record StopSeed(
        string City, string CountryCode, string Venue, string Address, string TimeZone, int Day, string Start, int Hours,
        string Host, string HostContact, string? HostEmail, int Capacity, string Language, string Interpretation,
        long Travel, long VenueCost, long Honorarium, string? Region, double? Latitude, double? Longitude);
}
