using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Campaigns.Web.Features.Assistance;

public sealed record MatchRow(MatchResult Result, string Email, string CountryCode, string City, BackgroundCheckStatus BackgroundCheck, DeploymentStatus? Deployment);

public sealed record MatchesModel(string Slug, string Title, MatchNeeds Needs, IReadOnlyList<MatchRow> Rows);

/// <summary>
/// Ranked volunteers for a request. SQL keeps only volunteers who hold at least one required skill and, when
/// languages are asked for, speak at least one of them; the scoring then runs in memory on that short list.
/// On PostgreSQL the database first bounds every score (see <see cref="TopAsync"/>) so that only the volunteers
/// who can still reach the top are loaded and scored; the result is the same as scoring everyone.
/// </summary>
public sealed class FindMatches(CampaignsDbContext db, TimeProvider clock)
{
    public const int Shown = 50;

    public async Task<MatchesModel?> HandleAsync(string slug, CancellationToken cancellationToken)
    {
        var request = await db.AssistanceRequests.AsNoTracking().Where(r => r.Slug == slug)
            .Select(r => new { r.Id, r.Slug, r.Title, r.Remote, r.OnSite, r.StartsOn, r.EndsOn, r.HoursPerWeek })
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var skills = await db.AssistanceRequests.AsNoTracking().Where(r => r.Id == request.Id).SelectMany(r => r.Skills)
            .Join(db.Skills, rs => rs.SkillId, s => s.Id, (rs, s) => new { rs.SkillId, s.Name, rs.Required, rs.MinimumLevel })
            .ToListAsync(cancellationToken);
        var languages = await db.AssistanceRequests.AsNoTracking().Where(r => r.Id == request.Id).SelectMany(r => r.Languages)
            .Select(l => new NeededLanguage(l.LanguageCode, l.MinimumLevel)).ToListAsync(cancellationToken);
        var needs = new MatchNeeds(
            skills.Where(s => s.Required).Select(s => new NeededSkill(s.SkillId, s.Name, s.MinimumLevel)).ToList(),
            skills.Where(s => !s.Required).Select(s => new NeededSkill(s.SkillId, s.Name, s.MinimumLevel)).ToList(),
            languages, request.Remote, request.OnSite, request.StartsOn, request.EndsOn, request.HoursPerWeek);

        var ranked = await TopAsync(needs, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var ids = ranked.Select(r => r.Candidate.VolunteerId).ToList();
        var details = await db.VolunteerProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId))
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { p.UserId, u.Email, p.CountryCode, p.City, p.BackgroundCheck })
            .ToDictionaryAsync(x => x.UserId, cancellationToken);
        var deployments = await db.Deployments.AsNoTracking().Where(d => d.RequestId == request.Id && ids.Contains(d.VolunteerId))
            .OrderBy(d => d.ProposedAt).Select(d => new { d.VolunteerId, d.Status }).ToListAsync(cancellationToken);
        var latest = deployments.GroupBy(d => d.VolunteerId).ToDictionary(g => g.Key, g => g.Last().Status);

        return new MatchesModel(request.Slug, request.Title, needs, ranked.Select(r =>
        {
            var d = details[r.Candidate.VolunteerId];
            return new MatchRow(r, d.Email ?? "", d.CountryCode, d.City, d.BackgroundCheck, latest.TryGetValue(r.Candidate.VolunteerId, out var s) ? s : null);
        }).ToList());
    }

    /// <summary>
    /// The first <see cref="Shown"/> of <see cref="Matching.Rank"/> over every pre-filtered volunteer. On PostgreSQL,
    /// one query bounds each volunteer's score (<see cref="BoundsAsync"/>); only those whose best case is not beaten
    /// by the worst case of <see cref="Shown"/> others are loaded and scored in memory.
    /// </summary>
    public async Task<List<MatchResult>> TopAsync(MatchNeeds needs, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(needs);
        if (db.Database.GetDbConnection() is NpgsqlConnection && await BoundsAsync(needs, today, cancellationToken) is { } bounds)
        {
            var contenders = Contenders(bounds);
            var scored = Matching.Rank(needs, await CandidatesAsync(needs, contenders.Select(b => b.VolunteerId).ToList(), cancellationToken), today);
            var byId = contenders.ToDictionary(b => b.VolunteerId);

            // The bounds are exact by construction; should they ever disagree with the scoring, trust the scoring.
            if (scored.Count == contenders.Count && scored.All(r => byId.TryGetValue(r.Candidate.VolunteerId, out var b)
                    && r.Score >= b.Low && r.Score <= b.High && r.RequiredCovered == b.Covered))
            {
                return scored.Take(Shown).ToList();
            }
        }

        return Matching.Rank(needs, await CandidatesAsync(needs, null, cancellationToken), today).Take(Shown).ToList();
    }

    /// <summary>A volunteer's score as PostgreSQL bounds it: the in-memory score lies in [Low, High].</summary>
    public sealed record ScoreBounds(Guid VolunteerId, string Name, int Covered, int Low, int High);

    /// <summary>
    /// The volunteers who may rank among the first <see cref="Shown"/>: all but those whose best case (High) still
    /// sorts after the worst case (Low) of <see cref="Shown"/> others, in <see cref="Matching.Rank"/>'s order.
    /// </summary>
    public static List<ScoreBounds> Contenders(IReadOnlyList<ScoreBounds> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (bounds.Count <= Shown)
        {
            return bounds.ToList();
        }

        var worst = bounds.Select(b => (Bound: b, Score: b.Low)).ToList();
        worst.Sort((x, y) => Compare(x.Score, x.Bound, y.Score, y.Bound));
        var (cutBound, cutScore) = worst[Shown - 1];
        return bounds.Where(b => Compare(b.High, b, cutScore, cutBound) <= 0).ToList();
    }

    // Matching.Rank's order: score, then required skills covered, both descending; then name, then id.
    private static int Compare(int score, ScoreBounds x, int otherScore, ScoreBounds y)
    {
        var order = otherScore.CompareTo(score);
        if (order == 0)
        {
            order = y.Covered.CompareTo(x.Covered);
        }

        if (order == 0)
        {
            order = StringComparer.Ordinal.Compare(x.Name, y.Name);
        }

        return order == 0 ? x.VolunteerId.CompareTo(y.VolunteerId) : order;
    }

    /// <summary>
    /// Bounds every pre-filtered volunteer's score in one PostgreSQL query, and returns only those whose best case
    /// reaches the <see cref="Shown"/>th best worst case; null when the request is too unusual for the bounds to be
    /// proven (see below), in which case everyone is scored in memory.
    /// </summary>
    /// <remarks>
    /// The score is a sum of fractions over the common denominator D = lcm(2·required, 2·nice-to-have, languages,
    /// weeks), so SQL computes D times it in whole numbers, exactly. In memory the same sum is computed in doubles,
    /// off by far less than 1e-12; a fraction over D that is not a half-integer is at least 1/(2D) away from one, so
    /// as long as D is below 1e11 both round to the same whole number. Only a sum that is exactly a half-integer may
    /// round either way in memory: its lower bound is one less. Weeks available are counted per window in SQL; with
    /// several windows per volunteer the longest window gives the lower bound and their sum the upper one.
    /// </remarks>
    public async Task<List<ScoreBounds>?> BoundsAsync(MatchNeeds needs, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(needs);
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            return null;
        }

        var start = needs.StartsOn ?? today;
        var end = needs.EndsOn ?? start.AddDays(7 * Matching.OpenEndedWeeks - 1);
        var weeks = end < start ? 0 : (end.DayNumber - start.DayNumber) / 7 + 1;
        long denominator = 1;
        foreach (var part in new long[] { 2L * Math.Max(1, needs.Required.Count), 2L * Math.Max(1, needs.NiceToHave.Count), Math.Max(1, needs.Languages.Count), Math.Max(1, weeks) })
        {
            denominator = checked(denominator / Gcd(denominator, part) * part);
            if (denominator > 100_000_000_000)
            {
                return null;
            }
        }

        var constant = (needs.Required.Count == 0 ? 50 : 0) + (needs.NiceToHave.Count == 0 ? 10 : 0) + (needs.Languages.Count == 0 ? 15 : 0);
        var skills = needs.Required.Select(s => (s.SkillId, s.MinimumLevel, Required: true)).Concat(needs.NiceToHave.Select(s => (s.SkillId, s.MinimumLevel, Required: false))).ToList();
        var command = new NpgsqlBatchCommand(BoundsSql);
        command.Parameters.AddWithValue("skill_ids", skills.Select(s => s.SkillId).ToArray());
        command.Parameters.AddWithValue("skill_minimums", skills.Select(s => (int)s.MinimumLevel).ToArray());
        command.Parameters.AddWithValue("skill_required", skills.Select(s => s.Required).ToArray());
        command.Parameters.AddWithValue("required_ids", needs.Required.Select(s => s.SkillId).ToArray());
        command.Parameters.AddWithValue("language_codes", needs.Languages.Select(l => l.LanguageCode).ToArray());
        command.Parameters.AddWithValue("language_minimums", needs.Languages.Select(l => (int)l.MinimumLevel).ToArray());
        command.Parameters.AddWithValue("remote", needs.Remote);
        command.Parameters.AddWithValue("on_site", needs.OnSite);
        command.Parameters.AddWithValue("start", start);
        command.Parameters.AddWithValue("finish", end);
        command.Parameters.AddWithValue("weeks", weeks);
        command.Parameters.AddWithValue("hours", needs.HoursPerWeek ?? int.MinValue);
        command.Parameters.AddWithValue("constant", constant * denominator);
        command.Parameters.AddWithValue("k_required", needs.Required.Count == 0 ? 0L : 50 * denominator / (2L * needs.Required.Count));
        command.Parameters.AddWithValue("k_nice", needs.NiceToHave.Count == 0 ? 0L : 10 * denominator / (2L * needs.NiceToHave.Count));
        command.Parameters.AddWithValue("k_language", needs.Languages.Count == 0 ? 0L : 15 * denominator / needs.Languages.Count);
        command.Parameters.AddWithValue("k_weeks", weeks == 0 ? 0L : 15 * denominator / weeks);
        command.Parameters.AddWithValue("k_fit", 10 * denominator);
        command.Parameters.AddWithValue("d", denominator);
        command.Parameters.AddWithValue("shown", Shown);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // The planner overestimates the pre-filter and would compile the query (JIT), which costs more than the
            // 15-20 ms the query takes; SET LOCAL needs a transaction, whose BEGIN travels with the batch.
            await using var transaction = db.Database.CurrentTransaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
            await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { new NpgsqlBatchCommand("SET LOCAL jit = off"), command } };
            var bounds = new List<ScoreBounds>();
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    bounds.Add(new ScoreBounds(reader.GetGuid(0), reader.GetString(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4)));
                }
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return bounds;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    // The pre-filter is the one CandidatesAsync applies. Week k (0-based) of the request is covered by a window when
    // From <= start + 7k and To >= its last day (start + 7k + 6, or the request's end for the last week), so a
    // window covers the weeks from kmin = ceil((From - start) / 7) to kmax, a contiguous run.
    private const string BoundsSql = """
        WITH candidates AS (
            SELECT p."UserId" AS id, u."DisplayName" AS name, p."Remote" AS remote, p."OnSite" AS on_site
            FROM volunteer_profiles p
            JOIN "AspNetUsers" u ON u."Id" = p."UserId"
            WHERE (cardinality(@required_ids) = 0 OR EXISTS (SELECT 1 FROM volunteer_skills s WHERE s."VolunteerId" = p."UserId" AND s."SkillId" = ANY (@required_ids)))
              AND (cardinality(@language_codes) = 0 OR EXISTS (SELECT 1 FROM volunteer_languages l WHERE l."VolunteerId" = p."UserId" AND l."LanguageCode" = ANY (@language_codes)))
              AND CASE WHEN NOT @remote THEN p."OnSite" WHEN NOT @on_site THEN p."Remote" ELSE TRUE END
        ),
        skills AS (
            SELECT s."VolunteerId" AS id,
                   count(*) FILTER (WHERE n.required AND s."Level" >= n.minimum) AS required_covered,
                   count(*) FILTER (WHERE n.required AND s."Level" < n.minimum) AS required_partial,
                   count(*) FILTER (WHERE NOT n.required AND s."Level" >= n.minimum) AS nice_covered,
                   count(*) FILTER (WHERE NOT n.required AND s."Level" < n.minimum) AS nice_partial
            FROM volunteer_skills s
            JOIN unnest(@skill_ids, @skill_minimums, @skill_required) AS n(skill_id, minimum, required) ON n.skill_id = s."SkillId"
            GROUP BY s."VolunteerId"
        ),
        languages AS (
            SELECT l."VolunteerId" AS id, count(*) AS spoken
            FROM volunteer_languages l
            JOIN unnest(@language_codes, @language_minimums) AS n(code, minimum) ON n.code = l."LanguageCode"
            WHERE l."Level" >= n.minimum
            GROUP BY l."VolunteerId"
        ),
        windows AS (
            SELECT w.id, max(w.covered) AS low, least(@weeks, sum(w.covered)) AS high
            FROM (
                SELECT a."VolunteerId" AS id,
                       greatest(0,
                           (CASE WHEN a."To" >= @finish THEN @weeks - 1
                                 WHEN a."To" - @start - 6 < 0 THEN -1
                                 ELSE least(@weeks - 2, (a."To" - @start - 6) / 7) END)
                           - (CASE WHEN a."From" - @start <= 0 THEN 0 ELSE (a."From" - @start + 6) / 7 END)
                           + 1) AS covered
                FROM volunteer_availability a
                WHERE a."HoursPerWeek" >= @hours
            ) w
            GROUP BY w.id
        ),
        scored AS (
            SELECT c.id, c.name, coalesce(s.required_covered, 0) AS covered,
                   @constant
                   + @k_required * (2 * coalesce(s.required_covered, 0) + coalesce(s.required_partial, 0))
                   + @k_nice * (2 * coalesce(s.nice_covered, 0) + coalesce(s.nice_partial, 0))
                   + @k_language * coalesce(l.spoken, 0)
                   + CASE WHEN (@on_site AND c.on_site) OR (@remote AND c.remote) THEN @k_fit ELSE 0 END AS fixed,
                   coalesce(w.low, 0) AS weeks_low, coalesce(w.high, 0) AS weeks_high
            FROM candidates c
            LEFT JOIN skills s ON s.id = c.id
            LEFT JOIN languages l ON l.id = c.id
            LEFT JOIN windows w ON w.id = c.id
        ),
        bounded AS (
            SELECT id, name, covered,
                   (2 * (fixed + @k_weeks * weeks_low) + @d) / (2 * @d)
                   - CASE WHEN (2 * (fixed + @k_weeks * weeks_low) + @d) % (2 * @d) = 0 THEN 1 ELSE 0 END AS low,
                   (2 * (fixed + @k_weeks * weeks_high) + @d) / (2 * @d) AS high
            FROM scored
        )
        SELECT id, name, covered, low, high
        FROM bounded
        WHERE high >= coalesce((SELECT low FROM bounded ORDER BY low DESC OFFSET @shown - 1 LIMIT 1), -1)
        """;

    /// <summary>The SQL half: pre-filter, then load the short list's skills, languages and windows in three queries.</summary>
    public async Task<List<MatchCandidate>> CandidatesAsync(MatchNeeds needs, List<Guid>? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var required = needs.Required.Select(s => s.SkillId).ToList();
        var languageCodes = needs.Languages.Select(l => l.LanguageCode).ToList();
        var profiles = db.VolunteerProfiles.AsNoTracking();
        if (required.Count > 0)
        {
            profiles = profiles.Where(p => db.VolunteerSkills.Any(s => s.VolunteerId == p.UserId && required.Contains(s.SkillId)));
        }

        if (languageCodes.Count > 0)
        {
            profiles = profiles.Where(p => db.VolunteerLanguages.Any(l => l.VolunteerId == p.UserId && languageCodes.Contains(l.LanguageCode)));
        }

        if (!needs.Remote)
        {
            profiles = profiles.Where(p => p.OnSite);
        }
        else if (!needs.OnSite)
        {
            profiles = profiles.Where(p => p.Remote);
        }

        if (only is not null)
        {
            profiles = profiles.Where(p => only.Contains(p.UserId));
        }

        var people = await profiles.Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { p.UserId, u.DisplayName, p.Remote, p.OnSite })
            .ToListAsync(cancellationToken);
        // The short list goes back to the database as the same filter, not as thousands of ids: a semi-join the
        // planner can use, instead of an array parameter as long as the list.
        var wanted = required.Concat(needs.NiceToHave.Select(s => s.SkillId)).ToList();
        var skillRows = await db.VolunteerSkills.AsNoTracking().Where(s => wanted.Contains(s.SkillId) && profiles.Any(p => p.UserId == s.VolunteerId))
            .Select(s => new { s.VolunteerId, s.SkillId, s.Level }).ToListAsync(cancellationToken);
        var languageRows = languageCodes.Count == 0 ? [] : await db.VolunteerLanguages.AsNoTracking()
            .Where(l => languageCodes.Contains(l.LanguageCode) && profiles.Any(p => p.UserId == l.VolunteerId))
            .Select(l => new { l.VolunteerId, l.LanguageCode, l.Level }).ToListAsync(cancellationToken);
        var windowRows = await db.AvailabilityWindows.AsNoTracking().Where(w => profiles.Any(p => p.UserId == w.VolunteerId))
            .Select(w => new { w.VolunteerId, w.From, w.To, w.HoursPerWeek }).ToListAsync(cancellationToken);

        var skillsOf = skillRows.ToLookup(s => s.VolunteerId);
        var languagesOf = languageRows.ToLookup(l => l.VolunteerId);
        var windowsOf = windowRows.ToLookup(w => w.VolunteerId);
        return people.Select(p => new MatchCandidate(
            p.UserId,
            p.DisplayName,
            skillsOf[p.UserId].ToDictionary(s => s.SkillId, s => s.Level),
            languagesOf[p.UserId].ToDictionary(l => l.LanguageCode, l => l.Level),
            p.Remote,
            p.OnSite,
            windowsOf[p.UserId].Select(w => new CandidateWindow(w.From, w.To, w.HoursPerWeek)).ToList())).ToList();
    }
}
