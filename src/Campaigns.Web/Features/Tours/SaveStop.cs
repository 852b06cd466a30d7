using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Tours;

public sealed record SaveStopResult(TourStop? Stop, IReadOnlyList<KeyValuePair<string, string>> Errors)
{
    public bool Succeeded => Errors.Count == 0 && Stop is not null;
}

/// <summary>
/// Creates a stop (a coordinator's, or one a host proposes) or updates one. Everything is checked before anything is
/// saved: the zone exists, the times exist in it, the event ends after it starts and is not in the past, and the
/// capacity is not below the places already given. A capacity raised lets the waitlist in.
/// </summary>
public sealed class SaveStop(CampaignsDbContext db, Waitlist waitlist, EmailQueue emails, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<SaveStopResult> CreateAsync(Guid tourId, StopForm form, Guid? hostUserId, StopStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = Validate(form, null, out var startsAt, out var endsAt);
        if (errors.Count > 0)
        {
            return new SaveStopResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var baseSlug = Slug.From($"{form.City} {form.StartsAtLocal:yyyy-MM-dd}");
        var slug = baseSlug;
        for (var n = 2; await db.TourStops.AnyAsync(s => s.TourId == tourId && s.Slug == slug, cancellationToken); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        var stop = new TourStop
        {
            Id = Guid.CreateVersion7(now),
            TourId = tourId,
            Slug = slug,
            City = "",
            CountryCode = "",
            VenueName = "",
            TimeZoneId = "",
            HostUserId = hostUserId,
            Status = status,
            CreatedAt = now,
        };
        Apply(stop, form, startsAt, endsAt);
        db.TourStops.Add(stop);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveStopResult(stop, []);
    }

    public async Task<SaveStopResult> UpdateAsync(Guid stopId, StopForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var stop = await db.TourStops.SingleOrDefaultAsync(s => s.Id == stopId, cancellationToken);
        if (stop is null)
        {
            return new SaveStopResult(null, []);
        }

        var errors = Validate(form, stop, out var startsAt, out var endsAt);
        if (errors.Count > 0)
        {
            return new SaveStopResult(stop, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var raised = form.Capacity > stop.Capacity;
        Apply(stop, form, startsAt, endsAt);
        await db.SaveChangesAsync(cancellationToken);
        if (raised)
        {
            await waitlist.PromoteAsync(stop.Id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        return new SaveStopResult(stop, []);
    }

    private List<KeyValuePair<string, string>> Validate(StopForm form, TourStop? existing, out DateTimeOffset startsAt, out DateTimeOffset endsAt)
    {
        var errors = new List<KeyValuePair<string, string>>();
        startsAt = endsAt = default;
        var zone = TimeZones.Find(form.TimeZoneId);
        if (zone is null)
        {
            errors.Add(new(nameof(form.TimeZoneId), localizer["The time zone “{0}” does not exist. Use a name such as Europe/Madrid or America/Tegucigalpa.", form.TimeZoneId ?? ""]));
            return errors;
        }

        var start = TimeZones.ToUtc(form.StartsAtLocal!.Value, zone);
        var end = TimeZones.ToUtc(form.EndsAtLocal!.Value, zone);
        if (start is null || end is null)
        {
            errors.Add(new(start is null ? nameof(form.StartsAtLocal) : nameof(form.EndsAtLocal), localizer["That time does not exist in this time zone (the clocks go forward then)."]));
            return errors;
        }

        (startsAt, endsAt) = (start.Value, end.Value);
        if (endsAt <= startsAt)
        {
            errors.Add(new(nameof(form.EndsAtLocal), localizer["The event must end after it starts."]));
        }

        // Moving an event that has already started is allowed (to fix a typo); creating one in the past is not.
        if ((existing is null || existing.StartsAt != startsAt) && startsAt <= clock.GetUtcNow())
        {
            errors.Add(new(nameof(form.StartsAtLocal), localizer["The event cannot start in the past."]));
        }

        if (existing is not null && form.Capacity < existing.ConfirmedCount)
        {
            errors.Add(new(nameof(form.Capacity), localizer["Capacity cannot be lower than the {0} people who already have a place.", existing.ConfirmedCount]));
        }

        if (form.Latitude.HasValue != form.Longitude.HasValue)
        {
            errors.Add(new(nameof(form.Longitude), localizer["Enter both the latitude and the longitude, or neither."]));
        }

        return errors;
    }

    private static void Apply(TourStop stop, StopForm form, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        stop.City = form.City.Trim();
        stop.CountryCode = form.CountryCode.ToUpperInvariant();
        stop.Region = form.Region?.Trim() ?? "";
        stop.Latitude = form.Latitude;
        stop.Longitude = form.Longitude;
        stop.VenueName = form.VenueName.Trim();
        stop.VenueAddress = form.VenueAddress?.Trim() ?? "";
        stop.StartsAt = startsAt;
        stop.EndsAt = endsAt;
        stop.TimeZoneId = form.TimeZoneId.Trim();
        stop.HostOrganisation = form.HostOrganisation?.Trim() ?? "";
        stop.HostContactName = form.HostContactName?.Trim() ?? "";
        stop.HostContactEmail = string.IsNullOrWhiteSpace(form.HostContactEmail) ? null : form.HostContactEmail.Trim();
        stop.Capacity = form.Capacity;
        stop.Language = form.Language?.Trim() ?? "";
        stop.Interpretation = form.Interpretation?.Trim() ?? "";
        stop.TravelCostMinor = Minor(form.TravelCost);
        stop.VenueCostMinor = Minor(form.VenueCost);
        stop.HonorariumMinor = Minor(form.Honorarium);
    }

    private static long Minor(decimal major) => (long)decimal.Round(major * 100, MidpointRounding.AwayFromZero);

    public static StopForm ToForm(TourStop stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        return new StopForm
        {
            City = stop.City,
            CountryCode = stop.CountryCode,
            Region = stop.Region,
            Latitude = stop.Latitude,
            Longitude = stop.Longitude,
            VenueName = stop.VenueName,
            VenueAddress = stop.VenueAddress,
            StartsAtLocal = TimeZones.ToLocal(stop.StartsAt, stop.TimeZoneId),
            EndsAtLocal = TimeZones.ToLocal(stop.EndsAt, stop.TimeZoneId),
            TimeZoneId = stop.TimeZoneId,
            HostOrganisation = stop.HostOrganisation,
            HostContactName = stop.HostContactName,
            HostContactEmail = stop.HostContactEmail,
            Capacity = stop.Capacity,
            Language = stop.Language,
            Interpretation = stop.Interpretation,
            TravelCost = stop.TravelCostMinor / 100m,
            VenueCost = stop.VenueCostMinor / 100m,
            Honorarium = stop.HonorariumMinor / 100m,
        };
    }
}
