using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Campaigns.BrowserTests.Tours;

[Collection(AppCollection.Name)]
public sealed partial class RsvpFlowTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task A_visitor_books_the_last_place_another_joins_the_waitlist_and_gets_the_place_when_the_first_cancels()
    {
        var stop = await OneSeatEventAsync();
        var eventUrl = $"{app.BaseUrl}/tours/voices-from-the-maquilas-2026/events/{stop}";

        var ana = await app.Browser.NewPageAsync();
        await ana.GotoAsync(eventUrl);
        Assert.Equal("One place left.", await ana.Locator("#places").InnerTextAsync());
        await ana.GetByLabel("Your name").FillAsync("Ana");
        await ana.GetByLabel("Email").FillAsync("ana.browser@example.org");
        await ana.GetByLabel("Accessibility or interpretation needs (optional)").FillAsync("Step-free access");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Book my place" }).ClickAsync();
        Assert.Contains("Your place is booked", await ana.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        var ben = await app.Browser.NewPageAsync();
        await ben.GotoAsync(eventUrl);
        await ben.GetByLabel("Your name").FillAsync("Ben");
        await ben.GetByLabel("Email").FillAsync("ben.browser@example.org");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Join the waitlist" }).ClickAsync();
        Assert.Contains("you are on the waitlist", await ben.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        // Ana follows the cancel link from her confirmation email.
        var confirmation = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains("ana.browser@example.org", StringComparison.Ordinal) && m.Subject == "Your place is booked", TimeSpan.FromSeconds(30));
        var link = new Uri(CancelLink().Match(confirmation.TextBody ?? "").Value);
        await ana.GotoAsync(app.BaseUrl + link.PathAndQuery);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel my place" }).ClickAsync();
        Assert.Contains("Your place is cancelled", await ana.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains("ben.browser@example.org", StringComparison.Ordinal) && m.Subject == "A place opened up: you are coming", TimeSpan.FromSeconds(30));
        Assert.Equal(RsvpStatus.Confirmed, await app.WithDbAsync(db => db.Rsvps.Where(r => r.EmailKey == "ben.browser@example.org").Select(r => r.Status).SingleAsync()));
        await ana.ScreenshotAsync(new() { Path = BrowserAppFactory.ScreenshotPath("tour-event"), FullPage = true });
    }

    /// <summary>A confirmed event with one seat on the seeded tour.</summary>
    private Task<string> OneSeatEventAsync() => app.WithDbAsync(async db =>
    {
        var tour = await db.Tours.SingleAsync(t => t.Slug == "voices-from-the-maquilas-2026");
        var startsAt = DateTimeOffset.UtcNow.Date.AddDays(tour.EndsOn.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - 1).AddHours(18);
        var stop = new TourStop
        {
            Id = Guid.CreateVersion7(), TourId = tour.Id, Slug = "leiden-browser", City = "Leiden", CountryCode = "NL",
            VenueName = "Volkshuis", VenueAddress = "Breestraat 1", StartsAt = new DateTimeOffset(startsAt, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(startsAt.AddHours(2), TimeSpan.Zero), TimeZoneId = "Europe/Amsterdam", Capacity = 1,
            Status = StopStatus.Confirmed, Language = "English",
        };
        db.TourStops.Add(stop);
        await db.SaveChangesAsync();
        return stop.Slug;
    });

    [GeneratedRegex(@"https?://\S+/rsvp/cancel\?token=\S+")]
    private static partial Regex CancelLink();
}
