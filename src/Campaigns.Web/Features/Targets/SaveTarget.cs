using Campaigns.Web.Data;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Targets;

/// <summary>Adds a target to the directory or corrects one; the same name at the same institution is one target.</summary>
public sealed class SaveTarget(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<SaveTargetResult> HandleAsync(Guid? id, TargetForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var name = form.Name.Trim();
        var institution = form.Institution?.Trim() ?? "";
        if (await db.Targets.AnyAsync(t => t.Name == name && t.Institution == institution && t.Id != id, cancellationToken))
        {
            return new SaveTargetResult(null, "This target is already in the directory.");
        }

        if (form.TermStartsOn is { } start && form.TermEndsOn is { } end && end < start)
        {
            return new SaveTargetResult(null, "The term cannot end before it starts.");
        }

        if (form.DistrictId is { } districtId
            && !await db.Districts.AnyAsync(d => d.Id == districtId && d.CountryCode == (form.CountryCode ?? "").ToUpperInvariant(), cancellationToken))
        {
            return new SaveTargetResult(null, "Choose a district of the target's country.");
        }

        Target? target;
        if (id is null)
        {
            target = new Target { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = name, CreatedAt = clock.GetUtcNow() };
            db.Targets.Add(target);
        }
        else if ((target = await db.Targets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)) is null)
        {
            return new SaveTargetResult(null, null);
        }

        target.Name = name;
        target.Title = form.Title?.Trim() ?? "";
        target.Institution = institution;
        target.Kind = form.Kind;
        target.CountryCode = form.CountryCode?.ToUpperInvariant() ?? "";
        target.PostalAddress = form.PostalAddress?.Trim() ?? "";
        target.Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        target.Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim();
        target.Salutation = form.Salutation?.Trim() ?? "";
        target.Language = string.IsNullOrWhiteSpace(form.Language) ? null : form.Language;
        target.DistrictId = form.DistrictId;
        target.TermStartsOn = form.TermStartsOn;
        target.TermEndsOn = form.TermEndsOn;
        await db.SaveChangesAsync(cancellationToken);
        return new SaveTargetResult(target.Id, null);
    }
}

public sealed record SaveTargetResult(Guid? Id, string? Error);
