using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>
/// seeds/coalitions.json: a coalition with its versions of the points of unity, member organisations and the
/// versions each signed, and joint actions on the base programmes. Keyed by slug; what exists is left alone.
/// </summary>
public sealed class CoalitionsSeeder(CampaignsDbContext db, TimeProvider clock, ILogger<CoalitionsSeeder> logger) : IDemoDataSeeder
{
    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var seeds = await DemoDataSeeder.ReadAsync<List<CoalitionSeed>>(folder, "coalitions.json", cancellationToken);
        if (seeds is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var known = await db.Coalitions.Select(c => c.Slug).ToListAsync(cancellationToken);
        foreach (var seed in seeds.Where(s => !known.Contains(s.Slug)))
        {
            var coalition = new Coalition
            {
                Id = Guid.CreateVersion7(now),
                Slug = seed.Slug,
                Name = seed.Name,
                Sector = seed.Sector,
                Purpose = seed.Purpose,
                Status = seed.Status,
                CreatedAt = now,
            };
            db.Coalitions.Add(coalition);
            var versions = seed.Versions.Select((v, i) => new PointsOfUnityVersion
            {
                Id = Guid.CreateVersion7(now),
                CoalitionId = coalition.Id,
                Number = i + 1,
                Text = v.Text,
                ChangeNote = v.ChangeNote,
                PublishedAt = now.AddDays(-v.DaysAgo),
            }).ToList();
            db.PointsOfUnityVersions.AddRange(versions);
            var members = new Dictionary<string, CoalitionMember>(StringComparer.Ordinal);
            foreach (var m in seed.Members)
            {
                var member = new CoalitionMember
                {
                    Id = Guid.CreateVersion7(now),
                    CoalitionId = coalition.Id,
                    OrganisationName = m.Name,
                    Slug = m.Slug,
                    CountryCode = m.CountryCode,
                    Language = m.Language,
                    ListPublicly = m.ListPublicly,
                    Approved = true,
                    CreatedAt = now,
                    PartnerOrganisationId = m.Partner is null ? null : await db.Partners.Where(p => p.Slug == m.Partner).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken),
                };
                member.Endorsements.AddRange(m.SignedVersions.Select(n => new Endorsement
                {
                    Id = Guid.CreateVersion7(now),
                    VersionId = versions[n - 1].Id,
                    SignerName = m.SignerName,
                    SignerEmail = m.SignerEmail,
                    SignedAt = versions[n - 1].PublishedAt.AddDays(1),
                }));
                db.CoalitionMembers.Add(member);
                members[m.Slug] = member;
            }

            foreach (var a in seed.JointActions)
            {
                var title = a.Kind switch
                {
                    JointActionKind.UrgentAction => await db.UrgentActions.Where(x => x.Slug == a.Slug).Select(x => x.Title).SingleOrDefaultAsync(cancellationToken),
                    JointActionKind.AidDrive => await db.AidDrives.Where(x => x.Slug == a.Slug).Select(x => x.Title).SingleOrDefaultAsync(cancellationToken),
                    _ => await db.Tours.Where(x => x.Slug == a.Slug).Select(x => x.Title).SingleOrDefaultAsync(cancellationToken),
                };
                if (title is null)
                {
                    continue;
                }

                var action = new JointAction { Id = Guid.CreateVersion7(now), CoalitionId = coalition.Id, Kind = a.Kind, ProgrammeSlug = a.Slug, Title = title, CreatedAt = now };
                action.Sponsors.AddRange(a.Sponsors.Select(s => new JointActionSponsor { MemberId = members[s].Id }));
                db.JointActions.Add(action);
            }
        }

        var added = await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Coalitions demo data: {Count} rows", added);
    }

    private sealed record VersionSeed(string Text, string ChangeNote, int DaysAgo);

    private sealed record MemberSeed(string Slug, string Name, string CountryCode, string Language, bool ListPublicly, string SignerName, string SignerEmail, List<int> SignedVersions, string? Partner);

    private sealed record JointActionSeed(JointActionKind Kind, string Slug, List<string> Sponsors);

    private sealed record CoalitionSeed(
        string Slug, string Name, string Sector, string Purpose, ProgrammeStatus Status, List<VersionSeed> Versions, List<MemberSeed> Members, List<JointActionSeed> JointActions);
}
