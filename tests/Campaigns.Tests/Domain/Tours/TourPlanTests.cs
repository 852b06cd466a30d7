using Campaigns.Web.Domain.Tours;

namespace Campaigns.Tests.Domain.Tours;

public sealed class TourPlanTests
{
    private static readonly DateOnly TourStart = new(2026, 6, 1);
    private static readonly DateOnly TourEnd = new(2026, 6, 20);

    /// <summary>A stop from a local wall-clock time in its zone, lasting the given hours.</summary>
    private static StopSlot Stop(string id, string city, string country, string zone, string localStart, double hours, (double Lat, double Lon)? at = null)
    {
        var tz = TimeZones.Find(zone)!;
        var start = TimeZones.ToUtc(DateTime.Parse(localStart, System.Globalization.CultureInfo.InvariantCulture), tz)!.Value;
        return new StopSlot(Guid.Parse(id.PadLeft(32, '0')), city, country, start, start.AddHours(hours), zone, at?.Lat, at?.Lon);
    }

    private static readonly (double, double) Madrid = (40.4168, -3.7038);
    private static readonly (double, double) Toledo = (39.8628, -4.0273);
    private static readonly (double, double) Barcelona = (41.3874, 2.1686);

    public static TheoryData<string, StopSlot[], string[]> Cases => new()
    {
        {
            "well spaced stops in different cities",
            [Stop("1", "Madrid", "ES", "Europe/Madrid", "2026-06-02 19:00", 2), Stop("2", "Paris", "FR", "Europe/Paris", "2026-06-04 19:00", 2)],
            []
        },
        {
            "two stops overlapping",
            [Stop("1", "Madrid", "ES", "Europe/Madrid", "2026-06-02 18:00", 3), Stop("2", "Madrid", "ES", "Europe/Madrid", "2026-06-02 20:00", 2)],
            ["Overlap:2:1"]
        },
        {
            "back-to-back stops in the same city need no travel day",
            [Stop("1", "Lyon", "FR", "Europe/Paris", "2026-06-05 12:00", 2), Stop("2", "lyon", "fr", "Europe/Paris", "2026-06-05 19:00", 2)],
            []
        },
        {
            "different cities on the same local day",
            [Stop("1", "Lyon", "FR", "Europe/Paris", "2026-06-05 12:00", 2), Stop("2", "Paris", "FR", "Europe/Paris", "2026-06-05 20:00", 2)],
            ["NoTravelDay:2:1"]
        },
        {
            "different cities on consecutive days are fine",
            [Stop("1", "Lyon", "FR", "Europe/Paris", "2026-06-05 19:00", 2), Stop("2", "Paris", "FR", "Europe/Paris", "2026-06-06 19:00", 2)],
            []
        },
        {
            "distant cities on consecutive days leave no day to travel",
            [Stop("1", "Madrid", "ES", "Europe/Madrid", "2026-06-05 19:00", 2, Madrid), Stop("2", "Barcelona", "ES", "Europe/Madrid", "2026-06-06 19:00", 2, Barcelona)],
            ["NoTravelDay:2:1"]
        },
        {
            "distant cities with a free day between are fine",
            [Stop("1", "Madrid", "ES", "Europe/Madrid", "2026-06-05 19:00", 2, Madrid), Stop("2", "Barcelona", "ES", "Europe/Madrid", "2026-06-07 19:00", 2, Barcelona)],
            []
        },
        {
            "nearby cities on the same day are fine when the venues' positions are known",
            [Stop("1", "Madrid", "ES", "Europe/Madrid", "2026-06-05 11:00", 2, Madrid), Stop("2", "Toledo", "ES", "Europe/Madrid", "2026-06-05 19:00", 2, Toledo)],
            []
        },
        {
            "a stop before the tour starts",
            [Stop("1", "Madrid", "ES", "Europe/Madrid", "2026-05-31 19:00", 2)],
            ["OutsideTourDates:1:"]
        },
        {
            "a stop running past the last day in its own zone",
            [Stop("1", "Tegucigalpa", "HN", "America/Tegucigalpa", "2026-06-20 23:00", 2)],
            ["OutsideTourDates:1:"]
        },
        {
            "the last evening in its own zone is inside the tour even when UTC is the next day",
            [Stop("1", "Tegucigalpa", "HN", "America/Tegucigalpa", "2026-06-20 19:00", 2)],
            []
        },
        {
            "a stop overlapping two others is flagged against each",
            [Stop("1", "Berlin", "DE", "Europe/Berlin", "2026-06-10 10:00", 10), Stop("2", "Berlin", "DE", "Europe/Berlin", "2026-06-10 11:00", 1), Stop("3", "Berlin", "DE", "Europe/Berlin", "2026-06-10 15:00", 1)],
            ["Overlap:2:1", "Overlap:3:1"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Clashes_are_found_by_the_route_rules(string because, StopSlot[] stops, string[] expected)
    {
        var clashes = TourPlan.FindClashes(TourStart, TourEnd, stops)
            .Select(c => $"{c.Kind}:{Short(c.StopId)}:{(c.OtherStopId is { } o ? Short(o) : "")}")
            .Order()
            .ToArray();

        Assert.True(expected.Order().SequenceEqual(clashes), $"{because}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", clashes)}]");
    }

    [Fact]
    public void The_day_by_day_view_covers_every_tour_day_with_its_stops()
    {
        var days = TourPlan.Days(TourStart, TourEnd, [Stop("1", "Madrid", "ES", "Europe/Madrid", "2026-06-02 19:00", 2)]);

        Assert.Equal(20, days.Count);
        Assert.Single(days.Single(d => d.Day == new DateOnly(2026, 6, 2)).Stops);
        Assert.Empty(days.Single(d => d.Day == new DateOnly(2026, 6, 3)).Stops);
    }

    [Theory]
    [InlineData("Europe/Madrid", true)]
    [InlineData("America/Tegucigalpa", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    public void A_time_zone_is_known_only_when_the_system_has_it(string id, bool known) =>
        Assert.Equal(known, TimeZones.Find(id) is not null);

    [Fact]
    public void A_wall_clock_time_skipped_by_daylight_saving_has_no_instant() =>
        Assert.Null(TimeZones.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), TimeZones.Find("Europe/Madrid")!));

    [Fact]
    public void The_distance_between_two_venues_is_the_great_circle_distance()
    {
        var km = TourPlan.DistanceKilometres(
            Stop("1", "Madrid", "ES", "Europe/Madrid", "2026-06-05 11:00", 2, Madrid),
            Stop("2", "Barcelona", "ES", "Europe/Madrid", "2026-06-07 11:00", 2, Barcelona));

        Assert.InRange(km!.Value, 495, 510);
        Assert.Null(TourPlan.DistanceKilometres(Stop("1", "Madrid", "ES", "Europe/Madrid", "2026-06-05 11:00", 2), Stop("2", "Toledo", "ES", "Europe/Madrid", "2026-06-05 19:00", 2, Toledo)));
    }

    private static string Short(Guid id) => id.ToString("N").TrimStart('0');
}
