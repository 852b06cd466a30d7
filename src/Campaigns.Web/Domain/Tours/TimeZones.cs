namespace Campaigns.Web.Domain.Tours;

public static class TimeZones
{
    /// <summary>The zone for an IANA id, or null when this machine does not know it.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>A wall-clock time in a zone as UTC; null for a time the zone skips (the hour clocks go forward).</summary>
    public static DateTimeOffset? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return null;
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    public static DateTime ToLocal(DateTimeOffset instant, string zoneId) =>
        Find(zoneId) is { } zone ? TimeZoneInfo.ConvertTime(instant, zone).DateTime : instant.UtcDateTime;
}
