using Campaigns.Web.Data;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Lobbying;

/// <summary>A lobbying campaign as supporters see it, and the directory lookup that finds their representatives.</summary>
public sealed class ReadLobbyingPage(CampaignsDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<LobbyingPage?> HandleAsync(string slug, string language, bool staff, CancellationToken cancellationToken)
    {
        var campaign = await db.LobbyingCampaigns.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Slug == slug && (staff || c.Status == ProgrammeStatus.Live), cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var today = Today;
        var targets = await db.LobbyingCampaignTargets.AsNoTracking().Where(l => l.CampaignId == campaign.Id)
            .Join(db.Targets, l => l.TargetId, t => t.Id, (l, t) => t)
            .OrderBy(t => t.CountryCode).ThenBy(t => t.Name)
            .Select(t => new CampaignTargetRow(t.Id, t.Name, t.Title, t.Institution, t.CountryCode, t.DistrictId,
                db.Districts.Where(d => d.Id == t.DistrictId).Select(d => d.Name).FirstOrDefault(), t.Email != null, t.TermEndsOn, t.TermEndsOn != null && t.TermEndsOn < today))
            .ToListAsync(cancellationToken);
        var countries = targets.Select(t => t.CountryCode).Where(c => c.Length > 0).Distinct().ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => countries.Contains(d.CountryCode))
            .OrderBy(d => d.CountryCode).ThenBy(d => d.Name).Select(d => new DistrictOption(d.Id, d.CountryCode, d.Name)).ToListAsync(cancellationToken);
        var moments = await db.LobbyingMoments.AsNoTracking().Where(m => m.CampaignId == campaign.Id).OrderBy(m => m.On)
            .Select(m => new MomentRow(m.Title, m.Kind, m.On, m.Notes)).ToListAsync(cancellationToken);
        var letter = await LetterAsync(campaign.Id, language, cancellationToken);
        return new LobbyingPage(campaign, targets, districts, moments, letter, today);
    }

    /// <summary>The letter in the language asked for, else English, else any.</summary>
    public async Task<LobbyingLetter?> LetterAsync(Guid campaignId, string language, CancellationToken cancellationToken) =>
        Choose(await LettersAsync(campaignId, cancellationToken), null, language);

    public Task<List<LobbyingLetter>> LettersAsync(Guid campaignId, CancellationToken cancellationToken) =>
        db.LobbyingLetters.AsNoTracking().Where(l => l.CampaignId == campaignId).ToListAsync(cancellationToken);

    /// <summary>The letter for a representative: in their language when the campaign has it, else the supporter's, else English, else any.</summary>
    public static LobbyingLetter? Choose(IReadOnlyList<LobbyingLetter> letters, string? targetLanguage, string activistLanguage)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
        {
            return null;
        }

        var language = LetterWriter.LanguageFor(targetLanguage, letters.Select(l => l.Language).ToList(), activistLanguage);
        return letters.FirstOrDefault(l => l.Language == language) ?? letters[0];
    }
}

public sealed record CampaignTargetRow(
    Guid Id, string Name, string Title, string Institution, string CountryCode, Guid? DistrictId, string? District, bool HasEmail, DateOnly? TermEndsOn, bool TermEnded);

public sealed record DistrictOption(Guid Id, string CountryCode, string Name);

public sealed record MomentRow(string Title, MomentKind Kind, DateOnly On, string Notes);

public sealed record LobbyingPage(
    LobbyingCampaign Campaign, IReadOnlyList<CampaignTargetRow> Targets, IReadOnlyList<DistrictOption> Districts, IReadOnlyList<MomentRow> Moments,
    LobbyingLetter? Letter, DateOnly Today)
{
    public IEnumerable<string> Countries => Districts.Select(d => d.CountryCode).Distinct();

    /// <summary>Targets supporters may address: a term that ended makes a letter pointless.</summary>
    public IEnumerable<CampaignTargetRow> Current => Targets.Where(t => !t.TermEnded);
}
