using System.Security.Claims;
using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours.Admin;

/// <summary>
/// Creates or updates a speaker; the slug is made once from the name and kept. A move to another partner must have
/// been authorised (<see cref="Policies.ChangePartner"/>) by the caller; it is written to the audit log with the save.
/// </summary>
public sealed class SaveSpeaker(CampaignsDbContext db, SpeakerSecrets secrets, NeedToKnow audit, TimeProvider clock)
{
    /// <summary>The partner the form names, as <see cref="SaveAsync"/> would store it.</summary>
    public async Task<Guid?> PartnerIdAsync(SpeakerForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return string.IsNullOrEmpty(form.PartnerSlug)
            ? null
            : await db.Partners.Where(p => p.Slug == form.PartnerSlug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<string> SaveAsync(string? slug, SpeakerForm form, ClaimsPrincipal by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        Speaker? speaker;
        if (slug is null)
        {
            var baseSlug = Slug.From(form.DisplayName) is { Length: > 0 } s ? s : "speaker";
            var newSlug = await Slug.FreeAsync(baseSlug, taken => db.Speakers.AnyAsync(x => x.Slug == taken, cancellationToken));

            var now = clock.GetUtcNow();
            speaker = new Speaker { Id = Guid.CreateVersion7(now), Slug = newSlug, DisplayName = "", CreatedAt = now };
            db.Speakers.Add(speaker);
        }
        else
        {
            speaker = await db.Speakers.SingleOrDefaultAsync(x => x.Slug == slug, cancellationToken);
            if (speaker is null)
            {
                return "";
            }
        }

        speaker.DisplayName = form.DisplayName.Trim();
        var move = new PartnerChange(speaker.PartnerOrganisationId, await PartnerIdAsync(form, cancellationToken));
        if (slug is not null && move.IsChange)
        {
            audit.AddAudit(by, AuditActions.Move, AuditRecords.Speaker, speaker.Id, move.Detail);
        }

        speaker.PartnerOrganisationId = move.To;
        speaker.Languages = form.Languages?.Trim() ?? "";
        speaker.Topics = form.Topics?.Trim() ?? "";
        speaker.Bio = form.Bio?.Trim() ?? "";
        speaker.PhotoUrl = string.IsNullOrWhiteSpace(form.PhotoUrl) ? null : form.PhotoUrl.Trim();
        if (!form.KeepProtected)
        {
            speaker.ContactEmail = secrets.Protect(form.ContactEmail);
            speaker.ContactPhone = secrets.Protect(form.ContactPhone);
            speaker.TravelDocuments = secrets.Protect(form.TravelDocuments);
        }
        await db.SaveChangesAsync(cancellationToken);
        return speaker.Slug;
    }
}
