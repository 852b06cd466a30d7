using System.Diagnostics;
using System.Globalization;
using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Features.Assistance;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Benchmarks.Matching;

/// <summary>
/// Times the coordinator's match query (SQL pre-filter, then scoring in memory) against 10,000 volunteers on a
/// throwaway PostgreSQL database. Each run uses a fresh context, as a request would.
/// Usage: CAMPAIGNS_TEST_POSTGRES=... dotnet run -c Release --project tests/Campaigns.Benchmarks.Matching [volunteers] [runs]
/// </summary>
internal static class MatchBenchmark
{
    private static readonly string[] LanguageCodes = ["es", "fr", "en", "pt", "de", "sw", "ar"];

    public static async Task<int> Main(string[] args)
    {
        var volunteers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var connectionString = await PostgresServer.CreateDatabaseAsync("matchbench");
        try
        {
            var options = new DbContextOptionsBuilder<PostgresCampaignsDbContext>().UseNpgsql(connectionString).Options;
            await using (var db = new PostgresCampaignsDbContext(options))
            {
                await db.Database.MigrateAsync();
            }

            var seeding = Stopwatch.StartNew();
            var skills = await SeedAsync(options, volunteers);
            Console.WriteLine($"Seeded {volunteers:N0} volunteers in {seeding.Elapsed.TotalSeconds:F1} s");

            // Typical: two required skills, one nice to have, Spanish. Wide: one skill every volunteer has, no language.
            await MeasureAsync(options, "typical (2 required skills + Spanish)", "typical", runs);
            await MeasureAsync(options, "wide (pre-filter keeps everyone)", "wide", runs);
            return 0;
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task MeasureAsync(DbContextOptions<PostgresCampaignsDbContext> options, string label, string slug, int runs)
    {
        var timings = new List<double>();
        var candidates = 0;
        for (var run = -5; run < runs; run++)
        {
            await using var db = new PostgresCampaignsDbContext(options);
            var stopwatch = Stopwatch.StartNew();
            var model = await new FindMatches(db, TimeProvider.System).HandleAsync(slug, CancellationToken.None);
            stopwatch.Stop();
            candidates = model!.Rows.Count;
            if (run >= 0)
            {
                timings.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        // The bounded path must give the same top as scoring everyone in memory.
        await using (var db = new PostgresCampaignsDbContext(options))
        {
            var model = await new FindMatches(db, TimeProvider.System).HandleAsync(slug, CancellationToken.None);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var plain = global::Campaigns.Web.Domain.Assistance.Matching.Rank(model!.Needs, await new FindMatches(db, TimeProvider.System).CandidatesAsync(model.Needs, null, CancellationToken.None), today).Take(FindMatches.Shown);
            var same = plain.Select(r => (r.Candidate.VolunteerId, r.Score, r.Explanation))
                .SequenceEqual(model.Rows.Select(r => (r.Result.Candidate.VolunteerId, r.Result.Score, r.Result.Explanation)));
            Console.WriteLine(same ? $"{label}: same top {FindMatches.Shown} as scoring everyone" : $"{label}: TOP DIFFERS from scoring everyone");
        }

        timings.Sort();
        var median = timings[timings.Count / 2];
        var p95 = timings[(int)Math.Ceiling(timings.Count * 0.95) - 1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: median {median:F1} ms, p95 {p95:F1} ms, max {timings[^1]:F1} ms over {runs} runs (top {candidates} shown)"));
    }

    private static async Task<List<Guid>> SeedAsync(DbContextOptions<PostgresCampaignsDbContext> options, int volunteers)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var partnerId = Guid.CreateVersion7();
        var skills = Enumerable.Range(0, 25).Select(_ => Guid.CreateVersion7()).ToList();
        var common = Guid.CreateVersion7();
        await using (var db = new PostgresCampaignsDbContext(options))
        {
            db.Partners.Add(new PartnerOrganisation { Id = partnerId, Slug = "bench", Name = "Bench", PublicName = "Bench", CountryCode = "HN", Sector = "Media", CreatedAt = now });
            for (var c = 0; c < 5; c++)
            {
                db.SkillCategories.Add(new SkillCategory
                {
                    Id = Guid.CreateVersion7(),
                    Slug = $"category-{c}",
                    Name = $"Category {c}",
                    Skills = skills.Skip(c * 5).Take(5).Select((id, i) => new Skill { Id = id, Slug = $"skill-{c}-{i}", Name = $"Skill {c}.{i}" })
                        .Concat(c == 0 ? [new Skill { Id = common, Slug = "common", Name = "Common" }] : []).ToList(),
                });
            }

            db.AssistanceRequests.Add(Request("typical", partnerId, today,
                [new RequestSkill { SkillId = skills[0], Required = true }, new RequestSkill { SkillId = skills[1], Required = true }, new RequestSkill { SkillId = skills[2] }],
                [new RequestLanguage { LanguageCode = "es", MinimumLevel = CefrLevel.B2 }]));
            db.AssistanceRequests.Add(Request("wide", partnerId, today, [new RequestSkill { SkillId = common, Required = true }], []));
            await db.SaveChangesAsync();
        }

        const int batch = 1_000;
        for (var start = 0; start < volunteers; start += batch)
        {
            await using var db = new PostgresCampaignsDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(volunteers, start + batch); i++)
            {
                var id = Guid.CreateVersion7();
                var email = $"volunteer{i}@example.org";
                db.Users.Add(new CampaignsUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = $"Volunteer {i}", CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString("N") });
                var from = today.AddDays(random.Next(-30, 60));
                db.VolunteerProfiles.Add(new VolunteerProfile
                {
                    UserId = id,
                    CountryCode = "FR",
                    City = "Lyon",
                    Remote = random.Next(4) > 0,
                    OnSite = random.Next(2) == 0,
                    UpdatedAt = now,
                    Skills = skills.OrderBy(_ => random.Next()).Take(3).Select(s => new VolunteerSkill { VolunteerId = id, SkillId = s, Level = (SkillLevel)random.Next(1, 4) })
                        .Append(new VolunteerSkill { VolunteerId = id, SkillId = common, Level = SkillLevel.Working }).ToList(),
                    Languages = LanguageCodes.OrderBy(_ => random.Next()).Take(2).Select(l => new VolunteerLanguage { VolunteerId = id, LanguageCode = l, Level = (CefrLevel)random.Next(1, 7) }).ToList(),
                    Availability = [new AvailabilityWindow { Id = Guid.CreateVersion7(), VolunteerId = id, From = from, To = from.AddDays(random.Next(30, 200)), HoursPerWeek = random.Next(4, 41) }],
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        await using (var db = new PostgresCampaignsDbContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        return skills;
    }

    private static AssistanceRequest Request(string slug, Guid partnerId, DateOnly today, List<RequestSkill> skills, List<RequestLanguage> languages) => new()
    {
        Id = Guid.CreateVersion7(),
        Slug = slug,
        Title = slug,
        PartnerOrganisationId = partnerId,
        Status = ProgrammeStatus.Live,
        Remote = true,
        OnSite = false,
        StartsOn = today.AddDays(14),
        EndsOn = today.AddDays(14 + 16 * 7 - 1),
        HoursPerWeek = 10,
        Skills = skills,
        Languages = languages,
    };
}
