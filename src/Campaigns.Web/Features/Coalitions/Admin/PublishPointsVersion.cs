using Campaigns.Web.Data;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions.Admin;

/// <summary>
/// Publishes a new version of the points of unity and asks every member's last signatory to re-affirm. The
/// version and the emails commit together: a failure leaves neither.
/// </summary>
public sealed class PublishPointsVersion(CampaignsDbContext db, EmailQueue emails, CoalitionLinks links, TimeProvider clock, ILogger<PublishPointsVersion> logger)
{
    public const string ReaffirmSubject = "The points of unity changed: please re-affirm";

    public async Task<int?> HandleAsync(string slug, PointsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var coalition = await db.Coalitions.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (coalition is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = await db.PointsOfUnityVersions.AsNoTracking().Where(v => v.CoalitionId == coalition.Id)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        var text = form.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (previous is not null && previous.Text == text)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var version = new PointsOfUnityVersion
        {
            Id = Guid.CreateVersion7(now),
            CoalitionId = coalition.Id,
            Number = (previous?.Number ?? 0) + 1,
            Text = text,
            ChangeNote = form.ChangeNote?.Trim() ?? "",
            PublishedAt = now,
        };
        db.PointsOfUnityVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);

        if (previous is not null)
        {
            var signatories = await db.CoalitionMembers.AsNoTracking().Where(m => m.CoalitionId == coalition.Id)
                .Select(m => new
                {
                    m.Id,
                    m.OrganisationName,
                    m.Language,
                    Last = db.Endorsements.Where(e => e.MemberId == m.Id).OrderByDescending(e => e.SignedAt)
                        .Select(e => new { e.SignerName, e.SignerEmail }).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            foreach (var s in signatories.Where(s => s.Last is not null))
            {
                await emails.QueueAsync(
                    new EmailMessage(s.Last!.SignerEmail, s.Last.SignerName, ReaffirmSubject, "Coalitions/Emails/Reaffirm",
                        new ReaffirmEmailModel(s.Last.SignerName, s.OrganisationName, coalition.Name, version.Number, version.ChangeNote, links.ReaffirmUrl(coalition.Slug, s.Id)),
                        s.Language),
                    "coalition-reaffirm", cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        logger.LogInformation("Coalition {CoalitionId} published version {Version}", coalition.Id, version.Number);
        return version.Number;
    }
}

public sealed record ReaffirmEmailModel(string SignerName, string OrganisationName, string CoalitionName, int Version, string ChangeNote, string Link);
