namespace Campaigns.Web.Domain.Tours;

public enum ClashKind
{
    /// <summary>Two stops overlap in time: the speaker cannot be in both.</summary>
    Overlap,

    /// <summary>
    /// No day to travel: consecutive stops at least <see cref="TourPlan.DistantKilometres"/> apart without a free
    /// day between them, or, where a venue's position is unknown, in different cities on the same local day.
    /// </summary>
    NoTravelDay,

    /// <summary>A stop starts before or ends after the tour's dates.</summary>
    OutsideTourDates,
}

/// <param name="StopId">The stop the clash is reported on.</param>
/// <param name="OtherStopId">The other stop, for overlaps and travel days.</param>
public sealed record TourClash(ClashKind Kind, Guid StopId, Guid? OtherStopId);

/// <summary>What the clash rules need of a stop.</summary>
public sealed record StopSlot(
    Guid Id, string City, string CountryCode, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZoneId,
    double? Latitude = null, double? Longitude = null);

/// <summary>The pure rules of a tour's route. Cancelled stops are left out by the caller.</summary>
public static class TourPlan
{
    /// <summary>Further than this (a long train ride or a flight), a speaker needs a day without an event to travel.</summary>
    public const double DistantKilometres = 300;

    public static IReadOnlyList<TourClash> FindClashes(DateOnly tourStartsOn, DateOnly tourEndsOn, IEnumerable<StopSlot> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        var ordered = stops.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();
        var clashes = new List<TourClash>();
        foreach (var stop in ordered)
        {
            if (LocalDate(stop.StartsAt, stop.TimeZoneId) < tourStartsOn || LocalDate(stop.EndsAt, stop.TimeZoneId) > tourEndsOn)
            {
                clashes.Add(new TourClash(ClashKind.OutsideTourDates, stop.Id, null));
            }
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count && ordered[j].StartsAt < ordered[i].EndsAt; j++)
            {
                clashes.Add(new TourClash(ClashKind.Overlap, ordered[j].Id, ordered[i].Id));
            }
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            var (previous, next) = (ordered[i - 1], ordered[i]);
            var sameCity = string.Equals(previous.City.Trim(), next.City.Trim(), StringComparison.OrdinalIgnoreCase)
                && string.Equals(previous.CountryCode, next.CountryCode, StringComparison.OrdinalIgnoreCase);
            var overlapping = next.StartsAt < previous.EndsAt;
            var daysBetween = LocalDate(next.StartsAt, next.TimeZoneId).DayNumber - LocalDate(previous.EndsAt, previous.TimeZoneId).DayNumber;
            var missing = DistanceKilometres(previous, next) is { } km
                ? km >= DistantKilometres && daysBetween < 2
                : !sameCity && daysBetween < 1;
            if (missing && !overlapping)
            {
                clashes.Add(new TourClash(ClashKind.NoTravelDay, next.Id, previous.Id));
            }
        }

        return clashes;
    }

    /// <summary>The calendar days the tour covers, each with the stops that start on it (in the stop's own zone).</summary>
    public static IReadOnlyList<(DateOnly Day, IReadOnlyList<StopSlot> Stops)> Days(DateOnly tourStartsOn, DateOnly tourEndsOn, IEnumerable<StopSlot> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        var byDay = stops.GroupBy(s => LocalDate(s.StartsAt, s.TimeZoneId)).ToDictionary(g => g.Key, g => (IReadOnlyList<StopSlot>)g.OrderBy(s => s.StartsAt).ToList());
        var first = byDay.Count == 0 ? tourStartsOn : new[] { tourStartsOn, byDay.Keys.Min() }.Min();
        var last = byDay.Count == 0 ? tourEndsOn : new[] { tourEndsOn, byDay.Keys.Max() }.Max();
        var days = new List<(DateOnly, IReadOnlyList<StopSlot>)>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add((day, byDay.GetValueOrDefault(day) ?? []));
        }

        return days;
    }

    /// <summary>Great-circle distance between two venues, or null when either position is unknown.</summary>
    public static double? DistanceKilometres(StopSlot a, StopSlot b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a is not { Latitude: { } lat1, Longitude: { } lon1 } || b is not { Latitude: { } lat2, Longitude: { } lon2 })
        {
            return null;
        }

        static double Radians(double degrees) => degrees * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2)
            + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lon2 - lon1) / 2), 2));
        return 2 * 6371.0 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static DateOnly LocalDate(DateTimeOffset instant, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZones.ToLocal(instant, timeZoneId));
}
