using System.Text.Json;
using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts;

/// <summary>
/// seeds/alerts.json: topics, a targets directory, confirmed subscribers in three languages, and the details of
/// the base urgent action. Keyed by code, name and institution, email and slug; what exists is left alone.
/// </summary>
public sealed class AlertsSeeder(CampaignsDbContext db, TimeProvider clock, ILogger<AlertsSeeder> logger) : IDemoDataSeeder
{
    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var seeds = await DemoDataSeeder.ReadAsync<AlertSeeds>(folder, "alerts.json", cancellationToken);
        if (seeds is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var topics = await db.AlertTopics.Select(t => t.Code).ToListAsync(cancellationToken);
        db.AlertTopics.AddRange(seeds.Topics.Where(t => !topics.Contains(t.Code))
            .Select(t => new AlertTopic { Id = Guid.CreateVersion7(now), Code = t.Code, Kind = t.Kind, Name = t.Name }));

        var targets = await db.Targets.ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var seed in seeds.Targets)
        {
            var target = targets.SingleOrDefault(t => t.Name == seed.Name && t.Institution == seed.Institution);
            if (target is null)
            {
                target = new Target
                {
                    Id = Guid.CreateVersion7(now),
                    Name = seed.Name,
                    Title = seed.Title,
                    Institution = seed.Institution,
                    Kind = seed.Kind,
                    CountryCode = seed.CountryCode,
                    PostalAddress = seed.PostalAddress,
                    Email = seed.Email,
                    Phone = seed.Phone,
                    Salutation = seed.Salutation,
                    Language = seed.Language,
                    CreatedAt = now,
                };
                db.Targets.Add(target);
            }

            byKey[seed.Key] = target;
        }

        var emails = await db.AlertSubscribers.Select(s => s.Email).ToListAsync(cancellationToken);
        db.AlertSubscribers.AddRange(seeds.Subscribers.Where(s => !emails.Contains(s.Email)).Select(s => new AlertSubscriber
        {
            Id = Guid.CreateVersion7(now),
            Email = s.Email,
            Name = s.Name,
            Language = s.Language,
            Interests = TagList.From(s.Interests),
            Status = SubscriberStatus.Active,
            CreatedAt = now,
            ConfirmedAt = now,
            ConsentText = "Demo subscriber",
            ConsentAt = now,
            Source = "seed",
        }));

        foreach (var seed in seeds.UrgentActions)
        {
            var action = await db.UrgentActions.SingleOrDefaultAsync(a => a.Slug == seed.Slug, cancellationToken);

            // Only an action nobody has written details for yet is extended.
            if (action is null || action.WhatToDo.Length > 0)
            {
                continue;
            }

            action.PeopleAtRisk = seed.PeopleAtRisk;
            action.ProtectedDetails = seed.ProtectedDetails;
            action.WhatToDo = seed.WhatToDo;
            action.LetterSubject = seed.LetterSubject;
            action.LetterTemplate = seed.LetterTemplate;
            action.Tags = TagList.From(seed.Tags);
            db.UrgentActionTargets.AddRange(seed.Targets.Select(k => new UrgentActionTarget { UrgentActionId = action.Id, TargetId = byKey[k].Id }));
            db.UrgentActionVersions.AddRange(seed.Versions.Select(v => new UrgentActionVersion
            {
                Id = Guid.CreateVersion7(now),
                UrgentActionId = action.Id,
                Language = v.Language,
                Title = v.Title,
                Summary = v.Summary,
                PeopleAtRisk = v.PeopleAtRisk,
                WhatToDo = v.WhatToDo,
                LetterSubject = v.LetterSubject,
                LetterTemplate = v.LetterTemplate,
            }));
        }

        var added = await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Alert network demo data: {Count} rows", added);
    }

    private sealed record TopicSeed(string Code, TopicKind Kind, string Name);

    private sealed record TargetSeed(
        string Key, string Name, string Title, string Institution, TargetKind Kind, string CountryCode, string PostalAddress, string? Email, string? Phone, string Salutation, string? Language = null);

    private sealed record SubscriberSeed(string Email, string? Name, string Language, List<string> Interests);

    private sealed record VersionSeed(string Language, string Title, string Summary, string PeopleAtRisk, string WhatToDo, string LetterSubject, string LetterTemplate);

    private sealed record UrgentActionSeed(
        string Slug, string PeopleAtRisk, string ProtectedDetails, string WhatToDo, string LetterSubject, string LetterTemplate,
        List<string> Tags, List<string> Targets, List<VersionSeed> Versions);

    private sealed class AlertSeeds
    {
        public List<TopicSeed> Topics { get; set; } = [];

        public List<TargetSeed> Targets { get; set; } = [];

        public List<SubscriberSeed> Subscribers { get; set; } = [];

        public List<UrgentActionSeed> UrgentActions { get; set; } = [];
    }
}
