using System.Text;
using Campaigns.Web.Features.Tours.Calendar;
using Ical.Net;

namespace Campaigns.Tests.Features.Tours;

public sealed class IcsWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly IcsEvent[] Events =
    [
        new("a1@campaigns-tours", new DateTimeOffset(2026, 6, 2, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 2, 19, 0, 0, TimeSpan.Zero),
            "Voices from the maquilas: Madrid", "María Elena Rodríguez; with interpretation, Spanish to English\nsecond line",
            "Ateneo de Madrid, Calle del Prado 21, Madrid", "https://example.org/tours/voices/events/madrid", "CONFIRMED"),
        new("b2@campaigns-tours", new DateTimeOffset(2026, 6, 4, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 4, 20, 0, 0, TimeSpan.Zero),
            "Voix des maquilas : Lyon — soirée d’échange avec les syndicalistes honduriennes, entrée libre et gratuite",
            new string('é', 120), "Bourse du Travail, Place Guichard, Lyon", "https://example.org/tours/voices/events/lyon", "CANCELLED"),
    ];

    [Fact]
    public void Every_line_ends_in_CRLF_and_is_at_most_75_octets()
    {
        var ics = IcsWriter.Write("Voices", Events, Stamp);

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = ics.Split("\r\n")[..^1];
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
    }

    [Fact]
    public void A_real_iCalendar_parser_reads_back_every_event()
    {
        var calendar = Calendar.Load(IcsWriter.Write("Voices", Events, Stamp))!;

        Assert.Equal(2, calendar.Events.Count);
        var madrid = calendar.Events.Single(e => e.Uid == "a1@campaigns-tours");
        Assert.Equal("Voices from the maquilas: Madrid", madrid.Summary);
        Assert.Equal("María Elena Rodríguez; with interpretation, Spanish to English\nsecond line", madrid.Description);
        Assert.Equal("Ateneo de Madrid, Calle del Prado 21, Madrid", madrid.Location);
        Assert.Equal(new DateTime(2026, 6, 2, 17, 0, 0, DateTimeKind.Utc), madrid.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 6, 2, 19, 0, 0, DateTimeKind.Utc), madrid.DtEnd!.AsUtc);
        Assert.Equal(new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc), madrid.DtStamp!.AsUtc);

        var lyon = calendar.Events.Single(e => e.Uid == "b2@campaigns-tours");
        Assert.Equal(Events[1].Summary, lyon.Summary);
        Assert.Equal(Events[1].Description, lyon.Description);
        Assert.Equal("CANCELLED", lyon.Status);
    }
}
