using System.Security.Cryptography;
using System.Text;

namespace Campaigns.Web.Domain.Privacy;

/// <summary>
/// A person's request to be forgotten, and the proof that it was carried out. Once done it keeps only a one-way
/// hash of the address: enough to show an erasure happened, nothing to say whose.
/// </summary>
public sealed class ErasureRecord
{
    public Guid Id { get; set; }

    /// <summary>See <see cref="HashOf"/>; one open request per address.</summary>
    public required string EmailHash { get; set; }

    /// <summary>
    /// The address, protected (not readable from a database dump), held only until the final confirmation email
    /// has gone; then cleared.
    /// </summary>
    public string? ProtectedEmail { get; set; }

    /// <summary>The person's language, for the final email.</summary>
    public string Culture { get; set; } = "en";

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? ErasedAt { get; set; }

    public DateTimeOffset? ConfirmationSentAt { get; set; }

    /// <summary>How many rows were anonymised and deleted: for the record, never who.</summary>
    public int Anonymised { get; set; }

    public int Deleted { get; set; }

    /// <summary>
    /// "sha256:" and the hex of the trimmed, lower-cased address. Unsalted on purpose: an import or a new request
    /// must recognise the same address again.
    /// </summary>
    public static string HashOf(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
    }
}
