using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>
/// An organisation signs the points of unity: a new organisation through the public form (listed only after a
/// coordinator approves it), or an existing member re-affirming through its signed link. Only the current version
/// can be signed, and only once per organisation.
/// </summary>
public sealed class SignPointsOfUnity(CampaignsDbContext db, TimeProvider clock, ILogger<SignPointsOfUnity> logger)
{
    public async Task<SignResult> SignAsync(string slug, SignForm form, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var coalition = await db.Coalitions.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug && c.Status == ProgrammeStatus.Live, cancellationToken);
        if (coalition is null)
        {
            return SignResult.NotFound;
        }

        var current = await CurrentAsync(coalition.Id, cancellationToken);
        if (current is null || current.Number != form.VersionNumber)
        {
            return SignResult.OldVersion;
        }

        var name = form.OrganisationName.Trim();
        var memberSlug = Slug.From(name);
        if (memberSlug.Length == 0)
        {
            return SignResult.InvalidName;
        }

        var member = await db.CoalitionMembers.AsNoTracking().SingleOrDefaultAsync(m => m.CoalitionId == coalition.Id && m.Slug == memberSlug, cancellationToken);
        if (member is not null)
        {
            // The public form cannot tell a member's signatory from someone using its name; members use their link.
            return await db.Endorsements.AnyAsync(e => e.MemberId == member.Id && e.VersionId == current.Id, cancellationToken)
                ? SignResult.AlreadySigned
                : SignResult.UseReaffirmLink;
        }

        var now = clock.GetUtcNow();
        member = new CoalitionMember
        {
            Id = Guid.CreateVersion7(now),
            CoalitionId = coalition.Id,
            OrganisationName = name,
            Slug = memberSlug,
            CountryCode = form.CountryCode?.ToUpperInvariant() ?? "",
            Language = language,
            ListPublicly = form.ListPublicly,
            CreatedAt = now,
        };
        member.Endorsements.Add(new Endorsement
        {
            Id = Guid.CreateVersion7(now),
            VersionId = current.Id,
            SignerName = form.SignerName.Trim(),
            SignerEmail = form.SignerEmail.Trim().ToLowerInvariant(),
            SignedAt = now,
        });
        db.CoalitionMembers.Add(member);
        if (!await SaveAsync(cancellationToken))
        {
            return SignResult.AlreadySigned;
        }

        logger.LogInformation("Member {MemberId} signed version {Version} of coalition {CoalitionId}", member.Id, current.Number, coalition.Id);
        return SignResult.Signed;
    }

    /// <summary>A member signs the current version again, under the name of its last signatory unless another is given.</summary>
    public async Task<SignResult> ReaffirmAsync(string slug, Guid memberId, int versionNumber, string? signerName, CancellationToken cancellationToken)
    {
        var member = await db.CoalitionMembers.AsNoTracking()
            .Join(db.Coalitions, m => m.CoalitionId, c => c.Id, (m, c) => new { Member = m, Coalition = c })
            .SingleOrDefaultAsync(x => x.Member.Id == memberId && x.Coalition.Slug == slug && x.Coalition.Status == ProgrammeStatus.Live, cancellationToken);
        if (member is null)
        {
            return SignResult.NotFound;
        }

        var current = await CurrentAsync(member.Coalition.Id, cancellationToken);
        if (current is null || current.Number != versionNumber)
        {
            return SignResult.OldVersion;
        }

        if (await db.Endorsements.AnyAsync(e => e.MemberId == memberId && e.VersionId == current.Id, cancellationToken))
        {
            return SignResult.AlreadySigned;
        }

        var last = await db.Endorsements.AsNoTracking().Where(e => e.MemberId == memberId).OrderByDescending(e => e.SignedAt).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.Endorsements.Add(new Endorsement
        {
            Id = Guid.CreateVersion7(now),
            MemberId = memberId,
            VersionId = current.Id,
            SignerName = string.IsNullOrWhiteSpace(signerName) ? last.SignerName : signerName.Trim(),
            SignerEmail = last.SignerEmail,
            SignedAt = now,
        });
        if (!await SaveAsync(cancellationToken))
        {
            return SignResult.AlreadySigned;
        }

        logger.LogInformation("Member {MemberId} re-affirmed version {Version}", memberId, current.Number);
        return SignResult.Signed;
    }

    private Task<PointsOfUnityVersion?> CurrentAsync(Guid coalitionId, CancellationToken cancellationToken) =>
        db.PointsOfUnityVersions.AsNoTracking().Where(v => v.CoalitionId == coalitionId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Two identical requests racing: the unique indexes let one through, the other is "already signed".</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

public enum SignResult
{
    Signed,
    NotFound,
    OldVersion,
    AlreadySigned,
    UseReaffirmLink,
    InvalidName,
}
