using Campaigns.Web.Domain.Assistance;

namespace Campaigns.Tests.Domain.Assistance;

public sealed class MatchingTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Security = Guid.NewGuid();
    private static readonly Guid Training = Guid.NewGuid();
    private static readonly Guid Radio = Guid.NewGuid();
    private static readonly Guid Video = Guid.NewGuid();

    /// <summary>Secure communications: 3 required skills, 1 nice to have, Spanish B2, 16 weeks at 10 h/week, remote.</summary>
    private static readonly MatchNeeds Needs = new(
        [new(Security, "Digital security", SkillLevel.Working), new(Training, "Training", SkillLevel.Working), new(Radio, "Radio engineering", SkillLevel.Working)],
        [new(Video, "Video", SkillLevel.Learning)],
        [new("es", CefrLevel.B2)],
        Remote: true, OnSite: false, StartsOn: Today, EndsOn: Today.AddDays(16 * 7 - 1), HoursPerWeek: 10);

    public static TheoryData<string, MatchCandidate, int, string> Cases => new()
    {
        {
            "everything fits",
            Candidate(new() { [Security] = SkillLevel.Expert, [Training] = SkillLevel.Working, [Radio] = SkillLevel.Working, [Video] = SkillLevel.Learning },
                new() { ["es"] = CefrLevel.C1 }, remote: true, new CandidateWindow(Today, Today.AddDays(200), 12)),
            100,
            "has 3 of 3 required skills; has 1 of 1 nice-to-have skills; speaks Spanish C1; available 16 of 16 weeks; works remotely"
        },
        {
            "available 12 of 16 weeks",
            Candidate(new() { [Security] = SkillLevel.Expert, [Training] = SkillLevel.Working, [Radio] = SkillLevel.Working },
                new() { ["es"] = CefrLevel.C1 }, remote: true, new CandidateWindow(Today, Today.AddDays(12 * 7 - 1), 10)),
            // 50 + 0 + 15 + 15 * 12/16 + 10
            86,
            "has 3 of 3 required skills; has 0 of 1 nice-to-have skills; speaks Spanish C1; available 12 of 16 weeks; works remotely"
        },
        {
            "a learner counts half",
            Candidate(new() { [Security] = SkillLevel.Learning, [Training] = SkillLevel.Working },
                new() { ["es"] = CefrLevel.B1 }, remote: true, new CandidateWindow(Today, Today.AddDays(200), 10)),
            // 50 * 1.5/3 + 0 + 0 + 15 + 10
            50,
            "has 1 of 3 required skills; Digital security only at level Learning; has 0 of 1 nice-to-have skills; speaks Spanish only at B1; available 16 of 16 weeks; works remotely"
        },
        {
            "too few hours and on site only",
            Candidate(new() { [Security] = SkillLevel.Working, [Training] = SkillLevel.Working, [Radio] = SkillLevel.Expert },
                new() { ["fr"] = CefrLevel.C2 }, remote: false, new CandidateWindow(Today, Today.AddDays(200), 4)),
            50,
            "has 3 of 3 required skills; has 0 of 1 nice-to-have skills; does not speak Spanish; available 0 of 16 weeks; cannot work the way the request needs"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_volunteer_is_scored_and_the_score_is_explained(string because, MatchCandidate candidate, int score, string explanation)
    {
        var result = Matching.Score(Needs, candidate, Today);

        Assert.True(score == result.Score, $"{because}: expected {score}, got {result.Score} ({result.Explanation})");
        Assert.Equal(explanation, result.Explanation);
    }

    [Fact]
    public void Ranking_puts_the_best_fit_first()
    {
        var weak = Candidate(new() { [Security] = SkillLevel.Learning }, [], remote: true) with { Name = "Weak" };
        var strong = Candidate(new() { [Security] = SkillLevel.Expert, [Training] = SkillLevel.Expert, [Radio] = SkillLevel.Expert },
            new() { ["es"] = CefrLevel.C2 }, remote: true, new CandidateWindow(Today, Today.AddDays(200), 20)) with { Name = "Strong" };

        var ranked = Matching.Rank(Needs, [weak, strong], Today);

        Assert.Equal(["Strong", "Weak"], ranked.Select(r => r.Candidate.Name));
    }

    [Fact]
    public void An_open_ended_request_counts_twelve_weeks_from_today()
    {
        var needs = Needs with { StartsOn = null, EndsOn = null };

        var (available, weeks) = Matching.WeeksAvailable(needs, [new CandidateWindow(Today, Today.AddDays(6 * 7 - 1), 10)], Today);

        Assert.Equal((6, Matching.OpenEndedWeeks), (available, weeks));
    }

    [Theory]
    [InlineData("es C1, en B2", true, 2)]
    [InlineData("es:c1", true, 1)]
    [InlineData("", true, 0)]
    [InlineData("Spanish fluent", false, 0)]
    [InlineData("es D4", false, 0)]
    public void Languages_are_read_as_code_and_level(string text, bool valid, int count)
    {
        var ok = Languages.TryParse(text, out var languages, out _);

        Assert.Equal(valid, ok);
        if (valid)
        {
            Assert.Equal(count, languages.Count);
        }
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-31", "2026-01-31", "2026-02-10", true)]
    [InlineData("2026-01-01", "2026-01-31", "2026-02-01", "2026-02-10", false)]
    [InlineData("2026-01-01", null, "2030-01-01", "2030-02-01", true)]
    public void Deployments_overlap_when_they_share_a_day(string aStart, string? aEnd, string bStart, string bEnd, bool overlaps) =>
        Assert.Equal(overlaps, Deployment.Overlaps(DateOnly.Parse(aStart, System.Globalization.CultureInfo.InvariantCulture), aEnd is null ? null : DateOnly.Parse(aEnd, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(bStart, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(bEnd, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_withdrawn_volunteer_cannot_be_accepted()
    {
        var deployment = new Deployment();
        deployment.Withdraw(Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        Assert.Equal("The volunteer has withdrawn.", deployment.Accept(Guid.NewGuid(), DateTimeOffset.UnixEpoch));
        Assert.Equal(DeploymentStatus.Withdrawn, deployment.Status);
    }

    [Fact]
    public void Nobody_starts_an_assignment_the_partner_did_not_accept()
    {
        var deployment = new Deployment();

        Assert.NotNull(deployment.Brief(Guid.NewGuid(), DateTimeOffset.UnixEpoch));
        Assert.NotNull(deployment.Start(Guid.NewGuid(), DateTimeOffset.UnixEpoch));
        Assert.Equal(DeploymentStatus.Proposed, deployment.Status);
    }

    private static MatchCandidate Candidate(Dictionary<Guid, SkillLevel> skills, Dictionary<string, CefrLevel> languages, bool remote, params CandidateWindow[] windows) =>
        new(Guid.NewGuid(), "Volunteer", skills, languages, remote, !remote, windows);
}
