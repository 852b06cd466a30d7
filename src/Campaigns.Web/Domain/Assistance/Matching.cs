namespace Campaigns.Web.Domain.Assistance;

public sealed record NeededSkill(Guid SkillId, string Name, SkillLevel MinimumLevel);

public sealed record NeededLanguage(string LanguageCode, CefrLevel MinimumLevel);

/// <summary>What a request asks for, as the matcher sees it.</summary>
public sealed record MatchNeeds(
    IReadOnlyList<NeededSkill> Required,
    IReadOnlyList<NeededSkill> NiceToHave,
    IReadOnlyList<NeededLanguage> Languages,
    bool Remote,
    bool OnSite,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    int? HoursPerWeek);

public sealed record CandidateWindow(DateOnly From, DateOnly To, int HoursPerWeek);

/// <summary>What a volunteer offers, as the matcher sees it.</summary>
public sealed record MatchCandidate(
    Guid VolunteerId,
    string Name,
    IReadOnlyDictionary<Guid, SkillLevel> Skills,
    IReadOnlyDictionary<string, CefrLevel> Languages,
    bool Remote,
    bool OnSite,
    IReadOnlyList<CandidateWindow> Availability);

/// <summary>One sentence of an explanation: a localizable text with its arguments, e.g. "has {0} of {1} required skills".</summary>
public sealed record MatchReason(string Text, params string[] Args)
{
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Text, Args);
}

public sealed record MatchResult(MatchCandidate Candidate, int Score, int RequiredCovered, IReadOnlyList<MatchReason> Reasons)
{
    public string Explanation => string.Join("; ", Reasons);
}

/// <summary>
/// Scores a volunteer against a request out of 100: required skills at the level asked 50, nice-to-have skills 10,
/// languages 15, weeks available 15, remote/on-site fit 10. A skill held below the level asked counts half, so a
/// learner still ranks above someone without the skill. Pure: the clock comes in as <c>today</c>.
/// </summary>
public static class Matching
{
    /// <summary>How long an open-ended request is assumed to run when counting weeks.</summary>
    public const int OpenEndedWeeks = 12;

    public static IReadOnlyList<MatchResult> Rank(MatchNeeds needs, IEnumerable<MatchCandidate> candidates, DateOnly today) =>
        candidates.Select(c => Score(needs, c, today))
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.RequiredCovered).ThenBy(r => r.Candidate.Name, StringComparer.Ordinal)
            // Two volunteers with the same name and score would otherwise come in whatever order the database read them.
            .ThenBy(r => r.Candidate.VolunteerId)
            .ToList();

    public static MatchResult Score(MatchNeeds needs, MatchCandidate candidate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(candidate);
        var reasons = new List<MatchReason>();
        double score = 0;

        var (covered, partial) = Count(needs.Required, candidate);
        if (needs.Required.Count > 0)
        {
            score += 50.0 * (covered + 0.5 * partial) / needs.Required.Count;
            reasons.Add(new MatchReason("has {0} of {1} required skills", N(covered), N(needs.Required.Count)));
            foreach (var skill in needs.Required.Where(s => candidate.Skills.TryGetValue(s.SkillId, out var level) && level < s.MinimumLevel))
            {
                reasons.Add(new MatchReason("{0} only at level {1}", skill.Name, candidate.Skills[skill.SkillId].ToString()));
            }
        }
        else
        {
            score += 50;
        }

        if (needs.NiceToHave.Count > 0)
        {
            var (nice, nicePartial) = Count(needs.NiceToHave, candidate);
            score += 10.0 * (nice + 0.5 * nicePartial) / needs.NiceToHave.Count;
            reasons.Add(new MatchReason("has {0} of {1} nice-to-have skills", N(nice), N(needs.NiceToHave.Count)));
        }
        else
        {
            score += 10;
        }

        if (needs.Languages.Count > 0)
        {
            var spoken = 0;
            foreach (var language in needs.Languages)
            {
                if (candidate.Languages.TryGetValue(language.LanguageCode, out var level) && level >= language.MinimumLevel)
                {
                    spoken++;
                    reasons.Add(new MatchReason("speaks {0} {1}", LanguageName(language.LanguageCode), level.ToString()));
                }
                else if (candidate.Languages.TryGetValue(language.LanguageCode, out level))
                {
                    reasons.Add(new MatchReason("speaks {0} only at {1}", LanguageName(language.LanguageCode), level.ToString()));
                }
                else
                {
                    reasons.Add(new MatchReason("does not speak {0}", LanguageName(language.LanguageCode)));
                }
            }

            score += 15.0 * spoken / needs.Languages.Count;
        }
        else
        {
            score += 15;
        }

        var (available, weeks) = WeeksAvailable(needs, candidate.Availability, today);
        score += weeks == 0 ? 0 : 15.0 * available / weeks;
        reasons.Add(new MatchReason("available {0} of {1} weeks", N(available), N(weeks)));

        if (needs.OnSite && candidate.OnSite)
        {
            score += 10;
            reasons.Add(new MatchReason("can work on site"));
        }
        else if (needs.Remote && candidate.Remote)
        {
            score += 10;
            reasons.Add(new MatchReason("works remotely"));
        }
        else
        {
            reasons.Add(new MatchReason("cannot work the way the request needs"));
        }

        return new MatchResult(candidate, (int)Math.Round(score, MidpointRounding.AwayFromZero), covered, reasons);
    }

    /// <summary>Weeks of the request's period that one of the volunteer's windows covers whole, with enough hours.</summary>
    public static (int Available, int Weeks) WeeksAvailable(MatchNeeds needs, IReadOnlyList<CandidateWindow> windows, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(windows);
        var start = needs.StartsOn ?? today;
        var end = needs.EndsOn ?? start.AddDays(7 * OpenEndedWeeks - 1);
        if (end < start)
        {
            return (0, 0);
        }

        var weeks = (end.DayNumber - start.DayNumber) / 7 + 1;
        var available = 0;
        for (var week = 0; week < weeks; week++)
        {
            var weekStart = start.AddDays(7 * week);
            var weekEnd = weekStart.AddDays(6) < end ? weekStart.AddDays(6) : end;
            if (windows.Any(w => w.From <= weekStart && w.To >= weekEnd && (needs.HoursPerWeek is not { } hours || w.HoursPerWeek >= hours)))
            {
                available++;
            }
        }

        return (available, weeks);
    }

    public static string LanguageName(string code)
    {
        try
        {
            return System.Globalization.CultureInfo.GetCultureInfo(code, predefinedOnly: true).EnglishName;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return code;
        }
    }

    private static (int Covered, int Partial) Count(IReadOnlyList<NeededSkill> skills, MatchCandidate candidate)
    {
        int covered = 0, partial = 0;
        foreach (var skill in skills)
        {
            if (candidate.Skills.TryGetValue(skill.SkillId, out var level))
            {
                if (level >= skill.MinimumLevel)
                {
                    covered++;
                }
                else
                {
                    partial++;
                }
            }
        }

        return (covered, partial);
    }

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
