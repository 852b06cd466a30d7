using System.Globalization;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// Dates in emails, in the reader's language (the renderer sets the current culture to the recipient's) and never
/// in a numeric form that reads differently on each side of the Atlantic: "11 January 2027", "11 de enero de
/// 2027", "11 janvier 2027". Every email template writes its dates through here.
/// </summary>
public static class EmailDates
{
    /// <summary>A day: "11 January 2027".</summary>
    public static string Day(DateOnly date) => date.ToString(DayPattern(CultureInfo.CurrentCulture), CultureInfo.CurrentCulture);

    /// <summary>The day of a local date and time, without the time.</summary>
    public static string Day(DateTime local) => Day(DateOnly.FromDateTime(local));

    /// <summary>A day and a 24-hour time: "11 January 2027, 19:00".</summary>
    public static string DayAndTime(DateTime local) =>
        string.Format(CultureInfo.CurrentCulture, TimeFormat(CultureInfo.CurrentCulture), Day(local), local.ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary>An instant in UTC, said so: "11 January 2027, 18:00 UTC".</summary>
    public static string DayAndTime(DateTimeOffset instant) => DayAndTime(instant.UtcDateTime) + " UTC";

    /// <summary>From one day to another: "11 January 2027 – 20 January 2027".</summary>
    public static string Days(DateOnly from, DateOnly to) => from == to ? Day(from) : $"{Day(from)} – {Day(to)}";

    // Day before month in every language, English too: the organisations are international, and "January 11" next
    // to "11 janvier" in the same thread confuses.
    private static string DayPattern(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "es" ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy";

    private static string TimeFormat(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "es" => "{0}, a las {1}",
        "fr" => "{0} à {1}",
        _ => "{0}, {1}",
    };
}
