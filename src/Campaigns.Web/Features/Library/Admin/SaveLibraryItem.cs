using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Library.Admin;

/// <summary>
/// Adds or edits a library item: a link, or an uploaded PDF (checked to be one), with its tags and the tours it
/// belongs to. The file is written before the row, under the item's id, so a failed save leaves at most an orphan file.
/// </summary>
public sealed class SaveLibraryItem(CampaignsDbContext db, LibraryFiles files, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<(string? Slug, string? Error)> SaveAsync(string? slug, LibraryItemForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.GetUtcNow();
        LibraryItem? item;
        if (slug is null)
        {
            var baseSlug = Slug.From(form.Title) is { Length: > 0 } s ? (s.Length > 60 ? s[..60].TrimEnd('-') : s) : "item";
            var newSlug = await Slug.FreeAsync(baseSlug, taken => db.LibraryItems.AnyAsync(i => i.Slug == taken, cancellationToken));

            item = new LibraryItem { Id = Guid.CreateVersion7(now), Slug = newSlug, Title = "", CreatedAt = now };
        }
        else
        {
            item = await db.LibraryItems.Include(i => i.Tours).SingleOrDefaultAsync(i => i.Slug == slug, cancellationToken);
            if (item is null)
            {
                return (null, null);
            }
        }

        if (form.Pdf is { Length: > 0 } pdf)
        {
            var stored = await files.SaveAsync(item.Id, pdf, cancellationToken);
            if (stored is null)
            {
                return (null, localizer["Upload a PDF file of at most {0} MB.", files.MaxBytes / (1024 * 1024)]);
            }

            item.StoredFile = stored;
        }

        if (string.IsNullOrWhiteSpace(form.Url) && item.StoredFile is null)
        {
            return (null, localizer["Give a link or upload a PDF."]);
        }

        item.Kind = form.Kind;
        item.Title = form.Title.Trim();
        item.Description = form.Description?.Trim() ?? "";
        item.Url = string.IsNullOrWhiteSpace(form.Url) ? null : form.Url.Trim();
        item.Language = form.Language.Trim();
        item.Subtitles = form.Subtitles?.Trim() ?? "";
        item.CountryCode = form.CountryCode?.ToUpperInvariant() ?? "";
        item.Topics = string.Join(", ", (form.Topics ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        item.PartnerOrganisationId = string.IsNullOrEmpty(form.PartnerSlug)
            ? null
            : await db.Partners.Where(p => p.Slug == form.PartnerSlug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var tours = await db.Tours.Where(t => form.TourIds.Contains(t.Id)).ToListAsync(cancellationToken);
        item.Tours.RemoveAll(t => !form.TourIds.Contains(t.Id));
        item.Tours.AddRange(tours.Where(t => item.Tours.All(x => x.Id != t.Id)));
        if (slug is null)
        {
            db.LibraryItems.Add(item);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (item.Slug, null);
    }
}
