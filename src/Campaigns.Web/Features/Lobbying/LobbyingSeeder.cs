using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Lobbying;

/// <summary>
/// seeds/lobbying.json: districts per country, elected representatives with terms and districts (added to the
/// shared targets directory by name and institution), and a lobbying campaign. Term dates are relative to today.
/// </summary>
public sealed class LobbyingSeeder(CampaignsDbContext db, TimeProvider clock, ILogger<LobbyingSeeder> logger) : IDemoDataSeeder
{
    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var seeds = await DemoDataSeeder.ReadAsync<LobbyingSeeds>(folder, "lobbying.json", cancellationToken);
        if (seeds is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var districts = await db.Districts.ToListAsync(cancellationToken);
        foreach (var d in seeds.Districts.Where(d => !districts.Any(x => x.CountryCode == d.CountryCode && x.Name == d.Name)))
        {
            var district = new District { Id = Guid.CreateVersion7(now), CountryCode = d.CountryCode, Name = d.Name };
            db.Districts.Add(district);
            districts.Add(district);
        }

        var targets = await db.Targets.ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var t in seeds.Targets)
        {
            var target = targets.SingleOrDefault(x => x.Name == t.Name && x.Institution == t.Institution);
            if (target is null)
            {
                target = new Target
                {
                    Id = Guid.CreateVersion7(now),
                    Name = t.Name,
                    Title = t.Title,
                    Institution = t.Institution,
                    Kind = t.Kind,
                    CountryCode = t.CountryCode,
                    PostalAddress = t.PostalAddress,
                    Email = t.Email,
                    Phone = t.Phone,
                    Salutation = t.Salutation,
                    DistrictId = t.District is null ? null : districts.Single(d => d.CountryCode == t.CountryCode && d.Name == t.District).Id,
                    TermStartsOn = t.TermStartedDaysAgo is { } s ? today.AddDays(-s) : null,
                    TermEndsOn = t.TermEndsInDays is { } e ? today.AddDays(e) : null,
                    CreatedAt = now,
                };
                db.Targets.Add(target);
            }

            byKey[t.Key] = target;
        }

        var known = await db.LobbyingCampaigns.Select(c => c.Slug).ToListAsync(cancellationToken);
        foreach (var c in seeds.Campaigns.Where(c => !known.Contains(c.Slug)))
        {
            var campaign = new LobbyingCampaign
            {
                Id = Guid.CreateVersion7(now),
                Slug = c.Slug,
                Title = c.Title,
                Goal = c.Goal,
                TalkingPoints = c.TalkingPoints,
                Status = c.Status,
                CoalitionId = c.Coalition is null ? null : await db.Coalitions.Where(x => x.Slug == c.Coalition).Select(x => (Guid?)x.Id).SingleOrDefaultAsync(cancellationToken),
                CreatedAt = now,
            };
            db.LobbyingCampaigns.Add(campaign);
            db.LobbyingCampaignTargets.AddRange(c.Targets.Select(k => new LobbyingCampaignTarget { CampaignId = campaign.Id, TargetId = byKey[k].Id }));
            db.LobbyingLetters.AddRange(c.Letters.Select(l => new LobbyingLetter { Id = Guid.CreateVersion7(now), CampaignId = campaign.Id, Language = l.Language, Subject = l.Subject, Body = l.Body }));
            db.LobbyingMoments.AddRange(c.Moments.Select(m => new LobbyingMoment { Id = Guid.CreateVersion7(now), CampaignId = campaign.Id, Title = m.Title, Kind = m.Kind, On = today.AddDays(m.InDays), Notes = m.Notes ?? "" }));
        }

        var added = await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Lobbying demo data: {Count} rows", added);
    }

    private sealed record DistrictSeed(string CountryCode, string Name);

    private sealed record TargetSeed(
        string Key, string Name, string Title, string Institution, TargetKind Kind, string CountryCode, string PostalAddress, string? Email, string? Phone,
        string Salutation, string? District, int? TermStartedDaysAgo, int? TermEndsInDays);

    private sealed record LetterSeed(string Language, string Subject, string Body);

    private sealed record MomentSeed(string Title, MomentKind Kind, int InDays, string? Notes);

    private sealed record CampaignSeed(
        string Slug, string Title, string Goal, string TalkingPoints, ProgrammeStatus Status, string? Coalition, List<string> Targets, List<LetterSeed> Letters, List<MomentSeed> Moments);

    private sealed class LobbyingSeeds
    {
        public List<DistrictSeed> Districts { get; set; } = [];

        public List<TargetSeed> Targets { get; set; } = [];

        public List<CampaignSeed> Campaigns { get; set; } = [];
    }
}
