using System.Globalization;
using System.Text;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Aid.Giving;

/// <summary>
/// A donor's own giving history, without an account: they ask for a link, we email a signed, time-limited link to
/// that address only, so nobody learns anything about an address they do not read.
/// </summary>
public sealed class DonorHistory(
    CampaignsDbContext db,
    SignedLinks links,
    EmailQueue emails,
    IOptions<CampaignsOptions> options)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    // Part of every link already sent: never change it, nor the extra Base64Url layer around the token.
    private const string Purpose = "Campaigns.Aid.DonorHistory";

    public async Task SendLinkAsync(string email, CancellationToken cancellationToken)
    {
        var address = email.Trim().ToLowerInvariant();

        // Same answer whether or not the address gave: only its owner receives anything.
        if (!await db.Donations.AnyAsync(d => d.DonorEmail != null && d.DonorEmail.ToLower() == address, cancellationToken))
        {
            return;
        }

        var link = options.Value.PublicBaseUrl.TrimEnd('/') + "/aid/giving/" + CreateToken(address);
        await emails.QueueAsync(new EmailMessage(address, null, "Your giving history", "Aid/Emails/GivingLink", new GivingLinkModel(link),
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), "aid-giving-link", cancellationToken);
    }

    /// <summary>A link token for an address whose owner is proven: by the email itself, or by a signed-in account.</summary>
    public string CreateToken(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(links.Sign(Purpose, email.Trim().ToLowerInvariant(), LinkLifetime)));
    }

    /// <returns>The email the link was made for, or null when it is forged or expired.</returns>
    public string? Read(string token)
    {
        string signed;
        try
        {
            signed = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }

        return links.Read(Purpose, signed);
    }

    public async Task<List<GivingLine>> LinesAsync(string email, int? year, CancellationToken cancellationToken)
    {
        var lines = await db.LedgerEntries.AsNoTracking()
            .Join(db.Donations.Where(d => d.DonorEmail != null && d.DonorEmail.ToLower() == email), e => e.DonationId, d => d.Id, (e, d) => new { e, d })
            .Join(db.AidDrives, x => x.e.AidDriveId, a => a.Id, (x, a) => new { x.e, x.d, a.Title, a.Slug })
            .Select(x => new GivingLine(x.e.OccurredAt, x.Title, x.Slug, x.e.Kind, x.e.AmountMinor, x.e.Currency, x.e.ReceiptNumber, x.d.Frequency))
            .ToListAsync(cancellationToken);
        return lines.Where(l => year is null || l.OccurredAt.UtcDateTime.Year == year).OrderBy(l => l.OccurredAt).ToList();
    }
}

public sealed record GivingLinkModel(string Link);

public sealed record GivingLine(DateTimeOffset OccurredAt, string DriveTitle, string DriveSlug, LedgerEntryKind Kind, long AmountMinor, string Currency, string? ReceiptNumber, DonationFrequency Frequency);
