using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Coalitions;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions.Admin;

/// <summary>Creates or updates a coalition; the slug is made once from the name and kept, since links to it travel.</summary>
public sealed class SaveCoalition(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<string?> HandleAsync(string? slug, CoalitionForm form, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        Coalition? coalition;
        if (slug is null)
        {
            var newSlug = Slug.From(form.Name);
            if (newSlug.Length == 0 || await db.Coalitions.AnyAsync(c => c.Slug == newSlug, cancellationToken))
            {
                errors[nameof(form.Name)] = "A coalition with this name exists already.";
                return null;
            }

            coalition = new Coalition { Id = Guid.CreateVersion7(clock.GetUtcNow()), Slug = newSlug, Name = form.Name, CreatedAt = clock.GetUtcNow() };
            db.Coalitions.Add(coalition);
        }
        else if ((coalition = await db.Coalitions.SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken)) is null)
        {
            return null;
        }

        coalition.Name = form.Name.Trim();
        coalition.Sector = form.Sector?.Trim() ?? "";
        coalition.Purpose = form.Purpose?.Trim() ?? "";
        coalition.Status = form.Status;
        await db.SaveChangesAsync(cancellationToken);
        return coalition.Slug;
    }
}
