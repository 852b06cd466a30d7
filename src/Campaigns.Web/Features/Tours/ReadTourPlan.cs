using Campaigns.Web.Data;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

public sealed record SpeakerRow(Guid Id, string Slug, string DisplayName, string Languages, string Topics, string Bio, string? PhotoUrl);

public sealed record StopRow(
    Guid Id, string Slug, string City, string CountryCode, string VenueName, string VenueAddress,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZoneId, string HostOrganisation, string HostContactName,
    string? HostContactEmail, Guid? HostUserId, int Capacity, int ConfirmedCount, int WaitlistCount, string Language,
    string Interpretation, long TravelCostMinor, long VenueCostMinor, long HonorariumMinor, StopStatus Status,
    string Region, double? Latitude, double? Longitude)
{
    public DateTime LocalStart => TimeZones.ToLocal(StartsAt, TimeZoneId);

    public DateTime LocalEnd => TimeZones.ToLocal(EndsAt, TimeZoneId);

    public long BudgetTotalMinor => TravelCostMinor + VenueCostMinor + HonorariumMinor;

    public int PlacesLeft => Math.Max(0, Capacity - ConfirmedCount);
}

public sealed record TourPlanView(
    Guid Id, string Slug, string Title, string Summary, string PartnerName, string PartnerCountry, DateOnly StartsOn,
    DateOnly EndsOn, ProgrammeStatus Status, string Currency, IReadOnlyList<SpeakerRow> Speakers, IReadOnlyList<StopRow> Stops,
    IReadOnlyList<TourClash> Clashes)
{
    /// <summary>Cancelled stops cost nothing and clash with nothing.</summary>
    public long BudgetTotalMinor => Stops.Where(s => s.Status != StopStatus.Cancelled).Sum(s => s.BudgetTotalMinor);

    public IReadOnlyList<(DateOnly Day, IReadOnlyList<StopRow> Stops)> Days =>
        TourPlan.Days(StartsOn, EndsOn, Stops.Where(s => s.Status != StopStatus.Cancelled).Select(Slot))
            .Select(d => (d.Day, (IReadOnlyList<StopRow>)d.Stops.Select(x => Stops.Single(s => s.Id == x.Id)).ToList()))
            .ToList();

    public IEnumerable<TourClash> ClashesOf(Guid stopId) => Clashes.Where(c => c.StopId == stopId);

    public StopRow? Stop(Guid? id) => Stops.FirstOrDefault(s => s.Id == id);

    internal static StopSlot Slot(StopRow s) => new(s.Id, s.City, s.CountryCode, s.StartsAt, s.EndsAt, s.TimeZoneId, s.Latitude, s.Longitude);
}

/// <summary>A tour with its route in order, clashes, days and budget; staff see proposed stops, the public does not.</summary>
public sealed class ReadTourPlan(CampaignsDbContext db)
{
    public async Task<TourPlanView?> HandleAsync(string slug, bool publicOnly, CancellationToken cancellationToken)
    {
        var tour = await db.Tours.AsNoTracking()
            .Where(t => t.Slug == slug && (!publicOnly || t.Status == ProgrammeStatus.Live))
            .Join(db.Partners, t => t.PartnerOrganisationId, p => p.Id, (t, p) => new
            {
                t.Id, t.Slug, t.Title, t.Summary, t.StartsOn, t.EndsOn, t.Status, t.BudgetCurrency,
                PartnerName = p.Visibility == ProfileVisibility.Public ? p.Name : p.PublicName,
                p.CountryCode,
                Speakers = t.Speakers.OrderBy(s => s.DisplayName)
                    .Select(s => new SpeakerRow(s.Id, s.Slug, s.DisplayName, s.Languages, s.Topics, s.Bio, s.PhotoUrl)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (tour is null)
        {
            return null;
        }

        var stops = await db.TourStops.AsNoTracking()
            .Where(s => s.TourId == tour.Id && (!publicOnly || s.Status != StopStatus.Proposed))
            .OrderBy(s => s.StartsAt)
            .Select(s => new StopRow(
                s.Id, s.Slug, s.City, s.CountryCode, s.VenueName, s.VenueAddress, s.StartsAt, s.EndsAt, s.TimeZoneId,
                s.HostOrganisation, s.HostContactName, s.HostContactEmail, s.HostUserId, s.Capacity, s.ConfirmedCount,
                db.Rsvps.Count(r => r.StopId == s.Id && r.Status == RsvpStatus.Waitlisted), s.Language, s.Interpretation,
                s.TravelCostMinor, s.VenueCostMinor, s.HonorariumMinor, s.Status, s.Region, s.Latitude, s.Longitude))
            .ToListAsync(cancellationToken);

        // SQLite cannot order by DateTimeOffset reliably across offsets; the instants are UTC, so order again here.
        stops = stops.OrderBy(s => s.StartsAt).ToList();
        var clashes = TourPlan.FindClashes(tour.StartsOn, tour.EndsOn, stops.Where(s => s.Status != StopStatus.Cancelled).Select(TourPlanView.Slot));
        return new TourPlanView(
            tour.Id, tour.Slug, tour.Title, tour.Summary, tour.PartnerName, tour.CountryCode, tour.StartsOn, tour.EndsOn,
            tour.Status, tour.BudgetCurrency, tour.Speakers, stops, clashes);
    }
}
