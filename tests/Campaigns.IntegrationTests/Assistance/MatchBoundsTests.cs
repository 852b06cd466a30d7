using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Features.Assistance;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Assistance;

/// <summary>
/// The PostgreSQL path of <see cref="FindMatches"/> bounds scores in SQL and scores only the volunteers who can still
/// reach the top; it must give exactly the top that scoring everyone in memory gives. The population is generated
/// so that many volunteers tie or nearly tie: a dozen names shared by everybody, few skills and languages, levels
/// below and above the asked ones, zero to three availability windows.
/// </summary>
public sealed class MatchBoundsTests : IAsyncLifetime
{
    private const int Volunteers = 1_200;
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly string[] Names = ["Ana", "ana", "Ángel", "Bea", "Zoé", "Omar", "omar", "Lin", "Kofi", "Ñusta", "Ana ", "Li"];
    private static readonly string[] Languages = ["es", "fr", "en", "pt"];
    private readonly List<Guid> skills = Enumerable.Range(0, 6).Select(_ => Guid.CreateVersion7()).ToList();
    private string connectionString = "";

    public static TheoryData<string> Requests => new() { "typical", "wide", "thirds", "everyone", "no weeks" };

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.CreateDatabaseAsync("matchbounds");
        await using var db = Context();
        await db.Database.MigrateAsync();
        db.SkillCategories.Add(new SkillCategory
        {
            Id = Guid.CreateVersion7(),
            Slug = "tests",
            Name = "Tests",
            Skills = skills.Select((id, i) => new Skill { Id = id, Slug = $"skill-{i}", Name = $"Skill {i}" }).ToList(),
        });
        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Volunteers; i++)
        {
            var id = Guid.CreateVersion7();
            var email = $"v{i}@example.org";
            db.Users.Add(new CampaignsUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = Names[random.Next(Names.Length)], CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString("N") });
            db.VolunteerProfiles.Add(new VolunteerProfile
            {
                UserId = id,
                CountryCode = "FR",
                City = "Lyon",
                Remote = random.Next(3) > 0,
                OnSite = random.Next(2) == 0,
                UpdatedAt = now,
                Skills = skills.Skip(1).Where(_ => random.Next(2) == 0).Select(s => new VolunteerSkill { VolunteerId = id, SkillId = s, Level = (SkillLevel)random.Next(1, 4) })
                    .Append(new VolunteerSkill { VolunteerId = id, SkillId = skills[0], Level = SkillLevel.Working }).ToList(),
                Languages = Languages.Where(_ => random.Next(2) == 0).Select(l => new VolunteerLanguage { VolunteerId = id, LanguageCode = l, Level = (CefrLevel)random.Next(1, 7) }).ToList(),
                Availability = Enumerable.Range(0, random.Next(4)).Select(_ =>
                {
                    var from = Today.AddDays(random.Next(-40, 100));
                    return new AvailabilityWindow { Id = Guid.CreateVersion7(), VolunteerId = id, From = from, To = from.AddDays(random.Next(0, 150)), HoursPerWeek = random.Next(5, 25) };
                }).ToList(),
            });
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => PostgresServer.DropDatabaseAsync(connectionString);

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_bounded_top_is_the_top_of_scoring_everyone(string request)
    {
        var needs = Needs(request);
        await using var db = Context();
        var matches = new FindMatches(db, TimeProvider.System);

        var everyone = Matching.Rank(needs, await matches.CandidatesAsync(needs, null, CancellationToken.None), Today);
        var bounds = await matches.BoundsAsync(needs, Today, CancellationToken.None);
        var top = await matches.TopAsync(needs, Today, CancellationToken.None);

        Assert.NotNull(bounds);
        var scores = everyone.ToDictionary(r => r.Candidate.VolunteerId);
        Assert.All(bounds, b => Assert.InRange(scores[b.VolunteerId].Score, b.Low, b.High));
        Assert.All(bounds, b => Assert.Equal(scores[b.VolunteerId].RequiredCovered, b.Covered));
        Assert.True(FindMatches.Contenders(bounds).Count < everyone.Count, $"{request}: nobody was left out, so the bounds were not put to the test");
        Assert.Equal(
            everyone.Take(FindMatches.Shown).Select(r => (r.Candidate.VolunteerId, r.Candidate.Name, r.Score, r.RequiredCovered, r.Explanation)).ToList(),
            top.Select(r => (r.Candidate.VolunteerId, r.Candidate.Name, r.Score, r.RequiredCovered, r.Explanation)).ToList());
    }

    private MatchNeeds Needs(string request) => request switch
    {
        "typical" => new([Skill(1, SkillLevel.Working), Skill(2, SkillLevel.Working)], [Skill(3, SkillLevel.Learning)], [new("es", CefrLevel.B2)],
            Remote: true, OnSite: false, Today.AddDays(14), Today.AddDays(14 + 16 * 7 - 1), 10),
        // Everybody has skill 0 at the level asked: the SQL pre-filter keeps everyone and scores tie by the dozen.
        "wide" => new([Skill(0, SkillLevel.Working)], [], [], Remote: true, OnSite: true, null, null, null),
        // Thirds and sevenths: scores land on and near half-integers.
        "thirds" => new([Skill(1, SkillLevel.Expert), Skill(2, SkillLevel.Working), Skill(3, SkillLevel.Working)], [Skill(4, SkillLevel.Working), Skill(5, SkillLevel.Expert)],
            [new("es", CefrLevel.B1), new("fr", CefrLevel.C1), new("pt", CefrLevel.A2)], Remote: false, OnSite: true, Today, Today.AddDays(7 * 7 - 3), 12),
        "everyone" => new([], [Skill(2, SkillLevel.Expert)], [], Remote: true, OnSite: false, Today.AddDays(-10), Today.AddDays(60), 20),
        _ => new([Skill(5, SkillLevel.Learning)], [], [new("en", CefrLevel.A1)], Remote: true, OnSite: true, Today.AddDays(30), Today, null),
    };

    private NeededSkill Skill(int index, SkillLevel level) => new(skills[index], $"Skill {index}", level);

    private CampaignsDbContext Context() => new PostgresCampaignsDbContext(new DbContextOptionsBuilder<PostgresCampaignsDbContext>().UseNpgsql(connectionString).Options);
}
