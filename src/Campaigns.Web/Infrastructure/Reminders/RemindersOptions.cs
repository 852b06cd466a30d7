using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Infrastructure.Reminders;

public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>
    /// How late a reminder may still go out, e.g. after the server was down. Past this, a reminder about an event
    /// that has happened would only confuse.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromHours(6);

    /// <summary>People per send job.</summary>
    [Range(1, 5000)]
    public int ChunkSize { get; set; } = 500;
}
