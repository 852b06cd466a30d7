using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Tours;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Tours;

public sealed partial class RsvpTests(ClockedAppFactory app) : ToursTestBase(app), IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task Visitors_fill_the_places_then_the_waitlist_and_a_cancellation_promotes_the_first_in_line()
    {
        var coordinator = await CoordinatorAsync("coord-rsvp@example.org");
        var tour = await NewTourAsync(coordinator, "Waitlist tour");
        var stop = await NewConfirmedStopAsync(coordinator, tour, "Madrid", daysAhead: 5, capacity: 2);
        var visitor = NewBrowser();

        Assert.Contains("2 places left.", await visitor.GetStringAsync($"/tours/{tour}/events/{stop}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await RsvpAsync(visitor, tour, stop, "Ana", "ana@example.org", "Wheelchair access")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RsvpAsync(visitor, tour, stop, "Ben", "ben@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RsvpAsync(visitor, tour, stop, "Cleo", "cleo@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RsvpAsync(visitor, tour, stop, "Dan", "dan@example.org")).StatusCode);

        var duplicate = await RsvpAsync(visitor, tour, stop, "Ana again", "ANA@example.org");
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("has already replied for this event", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var statuses = await StatusesAsync(stop);
        Assert.Equal([RsvpStatus.Confirmed, RsvpStatus.Confirmed, RsvpStatus.Waitlisted, RsvpStatus.Waitlisted], statuses.Values.ToArray());
        Assert.Contains("The event is full", WebUtility.HtmlDecode(await visitor.GetStringAsync($"/tours/{tour}/events/{stop}")), StringComparison.Ordinal);

        var confirmation = await EmailAsync("ana@example.org", "Your place is booked");
        Assert.Contains($"/tours/{tour}/events/{stop}.ics", confirmation.TextBody, StringComparison.Ordinal);
        var ics = Assert.Single(confirmation.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using (var content = new MemoryStream())
        {
            await ics.Content!.DecodeToAsync(content);
            var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()));
            var booked = Assert.Single(calendar!.Events);
            Assert.Contains("Madrid", booked.Summary, StringComparison.Ordinal);
        }

        await EmailAsync("cleo@example.org", "You are on the waitlist");
        var cancelUrl = new Uri(CancelLink().Match(confirmation.TextBody ?? "").Value);

        var confirmPage = await visitor.GetAsync(cancelUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmPage.StatusCode);
        var token = Uri.UnescapeDataString(cancelUrl.Query["?token=".Length..]);
        var cancelled = await PostFormAsync(visitor, cancelUrl.PathAndQuery, cancelUrl.AbsolutePath, ("token", token));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        // The first on the waitlist (Cleo) gets Ana's place and an email; Dan still waits.
        await EmailAsync("cleo@example.org", "A place opened up: you are coming");
        statuses = await StatusesAsync(stop);
        Assert.Equal(RsvpStatus.Cancelled, statuses["ana@example.org"]);
        Assert.Equal(RsvpStatus.Confirmed, statuses["cleo@example.org"]);
        Assert.Equal(RsvpStatus.Waitlisted, statuses["dan@example.org"]);

        // The link used twice changes nothing more.
        await PostFormAsync(visitor, cancelUrl.PathAndQuery, cancelUrl.AbsolutePath, ("token", token));
        Assert.Equal(RsvpStatus.Waitlisted, (await StatusesAsync(stop))["dan@example.org"]);
        Assert.Equal(2, await App.WithDbAsync(db => db.TourStops.Where(s => s.Slug == stop).Select(s => s.ConfirmedCount).SingleAsync()));
    }

    [Fact]
    public async Task Raising_the_capacity_lets_the_waitlist_in_in_order()
    {
        var coordinator = await CoordinatorAsync("coord-raise@example.org");
        var tour = await NewTourAsync(coordinator, "Bigger room tour");
        var stop = await NewConfirmedStopAsync(coordinator, tour, "Alicante", daysAhead: 5, capacity: 1);
        var visitor = NewBrowser();
        await RsvpAsync(visitor, tour, stop, "Nora", "nora@example.org");
        await RsvpAsync(visitor, tour, stop, "Omar", "omar@example.org");
        await RsvpAsync(visitor, tour, stop, "Pia", "pia@example.org");

        await PostFormAsync(coordinator, $"/admin/tours/{tour}/stops/{stop}", $"/admin/tours/{tour}/stops/{stop}",
            StopFields("Alicante", Today.AddDays(5).ToDateTime(new TimeOnly(19, 0)), 2));

        await EmailAsync("omar@example.org", "A place opened up: you are coming");
        var statuses = await StatusesAsync(stop);
        Assert.Equal(RsvpStatus.Confirmed, statuses["omar@example.org"]);
        Assert.Equal(RsvpStatus.Waitlisted, statuses["pia@example.org"]);
    }

    [Fact]
    public async Task A_tampered_cancel_link_cancels_nothing()
    {
        var coordinator = await CoordinatorAsync("coord-tamper@example.org");
        var tour = await NewTourAsync(coordinator, "Tamper tour");
        var stop = await NewConfirmedStopAsync(coordinator, tour, "Bilbao", daysAhead: 5, capacity: 5);
        var visitor = NewBrowser();
        await RsvpAsync(visitor, tour, stop, "Eva", "eva@example.org");

        var page = await visitor.GetStringAsync($"/tours/{tour}/events/{stop}/rsvp/cancel?token=not-a-real-token");

        Assert.Contains("This link does not work", page, StringComparison.Ordinal);
        Assert.Equal(RsvpStatus.Confirmed, (await StatusesAsync(stop))["eva@example.org"]);
    }

    [Fact]
    public async Task Cancelling_an_event_writes_once_to_everyone_who_replied()
    {
        var coordinator = await CoordinatorAsync("coord-cancel@example.org");
        var tour = await NewTourAsync(coordinator, "Cancelled tour");
        var stop = await NewConfirmedStopAsync(coordinator, tour, "Sevilla", daysAhead: 6, capacity: 1);
        var visitor = NewBrowser();
        await RsvpAsync(visitor, tour, stop, "Fer", "fer@example.org");
        await RsvpAsync(visitor, tour, stop, "Gil", "gil@example.org");

        await PostFormAsync(coordinator, $"/admin/tours/{tour}", $"/admin/tours/{tour}/stops/{stop}/cancel");
        await PostFormAsync(coordinator, $"/admin/tours/{tour}", $"/admin/tours/{tour}/stops/{stop}/cancel");
        await EmailAsync("fer@example.org", "The event is cancelled");
        await EmailAsync("gil@example.org", "The event is cancelled");
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, Count("fer@example.org", "The event is cancelled"));
        Assert.Equal(1, Count("gil@example.org", "The event is cancelled"));
        var refused = await RsvpAsync(visitor, tour, stop, "Hugo", "hugo@example.org");
        Assert.DoesNotContain("Book my place", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Rsvps.AnyAsync(r => r.Email == "hugo@example.org")));
    }

    [Fact]
    public async Task The_calendar_feeds_parse_with_a_real_iCalendar_parser_and_round_trip_the_events()
    {
        var coordinator = await CoordinatorAsync("coord-ics@example.org");
        var tour = await NewTourAsync(coordinator, "Calendar tour");
        var first = await NewConfirmedStopAsync(coordinator, tour, "Granada", daysAhead: 3, capacity: 10);
        await NewConfirmedStopAsync(coordinator, tour, "Córdoba", daysAhead: 5, capacity: 10);
        var visitor = NewBrowser();

        var response = await visitor.GetAsync($"/tours/{tour}.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var one = Calendar.Load(await visitor.GetStringAsync($"/tours/{tour}/events/{first}.ics"))!;

        Assert.Equal(new[] { "Calendar tour: Córdoba", "Calendar tour: Granada" }, calendar.Events.Select(e => e.Summary ?? "").Order().ToArray());
        var granada = await App.WithDbAsync(db => db.TourStops.SingleAsync(s => s.Slug == first));
        var parsed = Assert.Single(one.Events);
        Assert.Equal(granada.StartsAt.UtcDateTime, parsed.DtStart!.AsUtc);
        Assert.Equal(granada.EndsAt.UtcDateTime, parsed.DtEnd!.AsUtc);
        Assert.Equal($"{granada.Id:N}@campaigns-tours", parsed.Uid);
        Assert.EndsWith($"/tours/{tour}/events/{first}", parsed.Url!.ToString(), StringComparison.Ordinal);
    }

    private Task<Dictionary<string, RsvpStatus>> StatusesAsync(string stop) => App.WithDbAsync(db =>
        db.Rsvps.Where(r => db.TourStops.Any(s => s.Id == r.StopId && s.Slug == stop)).OrderBy(r => r.CreatedAt)
            .ToDictionaryAsync(r => r.EmailKey, r => r.Status));

    [GeneratedRegex(@"https?://\S+/rsvp/cancel\?token=\S+")]
    private static partial Regex CancelLink();
}
