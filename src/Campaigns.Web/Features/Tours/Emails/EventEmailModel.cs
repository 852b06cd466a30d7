namespace Campaigns.Web.Features.Tours.Emails;

public enum EventEmailKind
{
    RsvpConfirmed,
    RsvpWaitlisted,
    RsvpPromoted,
    EventCancelled,
    Reminder,
    Feedback,
    OutreachInvite,
    OutreachNudge,
}

/// <summary>Every email about one event for one person; the template picks its words by <see cref="Kind"/>.</summary>
public sealed record EventEmailModel(
    EventEmailKind Kind,
    string Name,
    string TourTitle,
    string City,
    string VenueName,
    string VenueAddress,
    DateTime LocalStart,
    string TimeZoneId,
    string EventUrl,
    string CalendarUrl,
    string? CancelUrl,
    string? CustomText,
    string? PreferencesUrl = null)
{
    /// <summary>The email subject key for each kind (translated by the renderer).</summary>
    public static string Subject(EventEmailKind kind) => kind switch
    {
        EventEmailKind.RsvpConfirmed => "Your place is booked",
        EventEmailKind.RsvpWaitlisted => "You are on the waitlist",
        EventEmailKind.RsvpPromoted => "A place opened up: you are coming",
        EventEmailKind.EventCancelled => "The event is cancelled",
        EventEmailKind.Reminder => "Reminder: the event is coming up",
        EventEmailKind.OutreachInvite => "An event near you: come and listen",
        EventEmailKind.OutreachNudge => "Still time to come: an event near you",
        _ => "Thank you for coming: tell us what you thought",
    };
}
