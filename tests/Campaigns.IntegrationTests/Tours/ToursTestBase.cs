using System.Globalization;
using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Infrastructure.Reminders;
using MimeKit;

namespace Campaigns.IntegrationTests.Tours;

/// <summary>Tours tests drive the app as a coordinator and visitors would, over HTTP, on a clock they move.</summary>
public abstract class ToursTestBase(ClockedAppFactory app) : AppTestBase(app)
{
    protected ClockedAppFactory Factory { get; } = app;

    protected SettableTimeProvider Clock => Factory.Clock;

    protected async Task<HttpClient> SignedInAsync(string email, string role)
    {
        await TestUsers.CreateAsync(App, email, role);
        var browser = NewBrowser();
        await SignInAsync(browser, email, TestUsers.Password);
        return browser;
    }

    protected Task<HttpClient> CoordinatorAsync(string email) => SignedInAsync(email, Roles.Coordinator);

    protected DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>A live tour from today for a month; returns its slug.</summary>
    protected async Task<string> NewTourAsync(HttpClient coordinator, string title)
    {
        var response = await PostFormAsync(coordinator, "/admin/tours/new", "/admin/tours/new",
            ("Title", title), ("Summary", "A test tour"), ("PartnerSlug", "sindicato-textil-norte"),
            ("StartsOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("EndsOn", Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Status", "Live"), ("BudgetCurrency", "EUR"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString["/admin/tours/".Length..];
    }

    protected static (string Key, string Value)[] StopFields(string city, DateTime localStart, int capacity, string zone = "Europe/Madrid", double hours = 2) =>
    [
        ("City", city), ("CountryCode", "ES"), ("VenueName", "Casa del Pueblo"), ("VenueAddress", "Calle Mayor 1"),
        ("StartsAtLocal", localStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)),
        ("EndsAtLocal", localStart.AddHours(hours).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)),
        ("TimeZoneId", zone), ("HostOrganisation", "Local group"), ("HostContactName", "Ana"), ("Capacity", capacity.ToString(CultureInfo.InvariantCulture)),
        ("Language", "Spanish"), ("Interpretation", ""), ("TravelCost", "100.50"), ("VenueCost", "50"), ("Honorarium", "200"),
    ];

    /// <summary>A confirmed stop at 19:00 Madrid time, <paramref name="daysAhead"/> days from today; returns its slug.</summary>
    protected async Task<string> NewConfirmedStopAsync(HttpClient coordinator, string tour, string city, int daysAhead, int capacity)
    {
        var local = Today.AddDays(daysAhead).ToDateTime(new TimeOnly(19, 0));
        var response = await PostFormAsync(coordinator, $"/admin/tours/{tour}/stops/new", $"/admin/tours/{tour}/stops/new", StopFields(city, local, capacity));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stop = Slug.From($"{city} {local:yyyy-MM-dd}");
        var confirmed = await PostFormAsync(coordinator, $"/admin/tours/{tour}", $"/admin/tours/{tour}/stops/{stop}/confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return stop;
    }

    /// <summary>Replies a second after the previous reply, so the waitlist order is the order of the calls.</summary>
    protected Task<HttpResponseMessage> RsvpAsync(HttpClient visitor, string tour, string stop, string name, string email, string? needs = null)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        return PostFormAsync(visitor, $"/tours/{tour}/events/{stop}", $"/tours/{tour}/events/{stop}/rsvp",
            ("Name", name), ("Email", email), ("Needs", needs ?? ""));
    }

    protected Task<MimeMessage> EmailAsync(string to, string subject) =>
        App.Smtp.WaitForAsync(m => Sent(m, to, subject), TimeSpan.FromSeconds(30));

    protected int Count(string to, string subject) => App.Smtp.Messages.Count(m => Sent(m, to, subject));

    protected Task RunDueRemindersAsync() => Factory.RunJobAsync<DueRemindersJob>(job => job.RunAsync(CancellationToken.None));

    private static bool Sent(MimeMessage m, string to, string subject) =>
        m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)) && m.Subject == subject;
}
