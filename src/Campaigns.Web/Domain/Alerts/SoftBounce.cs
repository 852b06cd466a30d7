namespace Campaigns.Web.Domain.Alerts;

/// <summary>
/// One soft bounce (a 4.x.x delivery failure), kept only to count them: <see cref="Threshold"/> within
/// <see cref="Window"/> suppress the address. The row names nobody: both keys are fingerprints keyed with a secret
/// held outside the database, so a dump shows neither the address nor which report it came from, and the retention
/// purge deletes the row once it is past the window.
/// </summary>
public sealed class SoftBounce
{
    public const int Threshold = 3;

    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>Fingerprint of the report's Message-ID and the recipient: the same report read twice counts once.</summary>
    public required string Id { get; set; }

    /// <summary>Fingerprint of the normalised address.</summary>
    public required string AddressKey { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
