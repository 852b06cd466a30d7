using Microsoft.AspNetCore.DataProtection;

namespace Campaigns.Web.Features.Tours.Admin;

/// <summary>
/// A speaker's contact details and travel documents are protected fields: the column converter encrypts them with
/// the keys outside the database (docs/adr/0008-protected-fields.md). Values written before that, wrapped with the
/// data-protection keys (which live in the database, so they protected nothing against a dump), still read here.
/// </summary>
public sealed class SpeakerSecrets(IDataProtectionProvider protection)
{
    private const string LegacyPrefix = "dp1:";

    private readonly IDataProtector protector = protection.CreateProtector("Campaigns.Tours.SpeakerSecrets.v1");

    public string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Plain text (decrypted by the converter) comes back as it is; legacy wrapped values are unwrapped.</summary>
    public string? Unprotect(string? stored) =>
        stored is null ? null : stored.StartsWith(LegacyPrefix, StringComparison.Ordinal) ? protector.Unprotect(stored[LegacyPrefix.Length..]) : stored;
}
