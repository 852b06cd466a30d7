using Microsoft.AspNetCore.DataProtection;

namespace Campaigns.Web.Features.Tours.Admin;

/// <summary>
/// A speaker's contact details and travel documents could endanger them if the database leaked, so they are stored
/// encrypted with the app's data-protection keys and decrypted only for coordinator pages.
/// </summary>
public sealed class SpeakerSecrets(IDataProtectionProvider protection)
{
    private const string Prefix = "dp1:";

    private readonly IDataProtector protector = protection.CreateProtector("Campaigns.Tours.SpeakerSecrets.v1");

    public string? Protect(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Prefix + protector.Protect(value.Trim());

    /// <summary>Plain text stored before encryption was introduced is returned as it is.</summary>
    public string? Unprotect(string? stored) =>
        stored is null ? null : stored.StartsWith(Prefix, StringComparison.Ordinal) ? protector.Unprotect(stored[Prefix.Length..]) : stored;
}
