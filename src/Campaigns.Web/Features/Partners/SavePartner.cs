using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Partners;

/// <summary>Creates a partner organisation, or updates one; the slug is made once and then kept (links were shared).</summary>
public sealed class SavePartner(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<PartnerOrganisation> CreateAsync(PartnerForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var baseSlug = Slug.From(form.Name);
        if (baseSlug.Length == 0)
        {
            baseSlug = "partner";
        }

        var slug = await Slug.FreeAsync(baseSlug, taken => db.Partners.AnyAsync(p => p.Slug == taken, cancellationToken));

        var now = clock.GetUtcNow();
        var partner = new PartnerOrganisation
        {
            Id = Guid.CreateVersion7(now),
            Slug = slug,
            Name = form.Name.Trim(),
            PublicName = form.PublicName.Trim(),
            CountryCode = form.CountryCode.ToUpperInvariant(),
            Sector = form.Sector.Trim(),
            Description = form.Description?.Trim() ?? "",
            Visibility = form.Visibility,
            CreatedAt = now,
        };
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return partner;
    }

    public async Task<bool> UpdateAsync(string slug, PartnerForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (partner is null)
        {
            return false;
        }

        partner.Name = form.Name.Trim();
        partner.PublicName = form.PublicName.Trim();
        partner.CountryCode = form.CountryCode.ToUpperInvariant();
        partner.Sector = form.Sector.Trim();
        partner.Description = form.Description?.Trim() ?? "";
        partner.Visibility = form.Visibility;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
