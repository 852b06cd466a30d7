using Campaigns.Web.Data;
using Campaigns.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Partners;

public sealed class AddPartnerContact(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(string partnerSlug, PartnerContactForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var partnerId = await db.Partners.Where(p => p.Slug == partnerSlug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (partnerId is null)
        {
            return false;
        }

        db.PartnerContacts.Add(new PartnerContact
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            PartnerOrganisationId = partnerId.Value,
            Name = form.Name.Trim(),
            Role = form.Role?.Trim(),
            Email = form.Email?.Trim(),
            Phone = form.Phone?.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
