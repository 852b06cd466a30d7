using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

public sealed record MatchRow(MatchResult Result, string Email, string CountryCode, string City, BackgroundCheckStatus BackgroundCheck, DeploymentStatus? Deployment);

public sealed record MatchesModel(string Slug, string Title, MatchNeeds Needs, IReadOnlyList<MatchRow> Rows);

/// <summary>
/// Ranked volunteers for a request. SQL keeps only volunteers who hold at least one required skill and, when
/// languages are asked for, speak at least one of them; the scoring then runs in memory on that short list.
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

        var ranked = Matching.Rank(needs, await CandidatesAsync(needs, cancellationToken), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Take(Shown).ToList();
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

    /// <summary>The SQL half: pre-filter, then load the short list's skills, languages and windows in three queries.</summary>
    public async Task<List<MatchCandidate>> CandidatesAsync(MatchNeeds needs, CancellationToken cancellationToken)
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
