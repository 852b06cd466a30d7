using System.Globalization;
using System.Text;

namespace Campaigns.Web.Features.Tours.Calendar;

public sealed record IcsEvent(
    string Uid, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Summary, string Description, string Location, string Url, string Status);

/// <summary>
/// RFC 5545 by hand: CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, text escaped,
/// times in UTC ("Z"), so no VTIMEZONE is needed and every calendar app agrees on the instant.
/// </summary>
public static class IcsWriter
{
    public static string Write(string calendarName, IEnumerable<IcsEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Campaigns//Speaker tours//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName),
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + e.Uid);
            lines.Add("DTSTAMP:" + Utc(stamp));
            lines.Add("DTSTART:" + Utc(e.StartsAt));
            lines.Add("DTEND:" + Utc(e.EndsAt));
            lines.Add("SUMMARY:" + Escape(e.Summary));
            lines.Add("DESCRIPTION:" + Escape(e.Description));
            lines.Add("LOCATION:" + Escape(e.Location));
            lines.Add("URL:" + e.Url);
            lines.Add("STATUS:" + e.Status);
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }

        return builder.ToString();
    }

    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal);
    }

    /// <summary>Lines longer than 75 octets continue on the next line after CRLF and one space (RFC 5545 3.1).</summary>
    private static void Fold(StringBuilder builder, string line)
    {
        var octets = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsSurrogatePair(line, i) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                builder.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            builder.Append(line, i, length);
            octets += size;
            i += length;
        }

        builder.Append("\r\n");
    }
}
