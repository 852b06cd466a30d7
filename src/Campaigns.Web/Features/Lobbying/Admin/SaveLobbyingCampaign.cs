using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Lobbying.Admin;

/// <summary>Creates or updates a campaign with its targets and letters, in one save.</summary>
public sealed class SaveLobbyingCampaign(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<LobbyingCampaignForm?> FormAsync(string slug, CancellationToken cancellationToken)
    {
        var campaign = await db.LobbyingCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var letters = await db.LobbyingLetters.AsNoTracking().Where(l => l.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        return new LobbyingCampaignForm
        {
            Title = campaign.Title,
            Goal = campaign.Goal,
            TalkingPoints = campaign.TalkingPoints,
            Status = campaign.Status,
            CoalitionSlug = campaign.CoalitionId is null ? null : await db.Coalitions.Where(c => c.Id == campaign.CoalitionId).Select(c => c.Slug).SingleAsync(cancellationToken),
            TargetIds = await db.LobbyingCampaignTargets.Where(t => t.CampaignId == campaign.Id).Select(t => t.TargetId).ToListAsync(cancellationToken),
            Letters = CampaignsLocalization.Cultures.Select(language => letters.FirstOrDefault(l => l.Language == language) is { } l
                ? new LetterInput { Language = language, Subject = l.Subject, Body = l.Body }
                : new LetterInput { Language = language }).ToList(),
        };
    }

    public async Task<string?> HandleAsync(string? slug, LobbyingCampaignForm form, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        Guid? coalitionId = null;
        if (!string.IsNullOrWhiteSpace(form.CoalitionSlug)
            && (coalitionId = await db.Coalitions.Where(c => c.Slug == form.CoalitionSlug).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken)) is null)
        {
            errors[nameof(form.CoalitionSlug)] = "Choose the coalition.";
        }

        if (form.Letters.Any(l => !CampaignsLocalization.Cultures.Contains(l.Language) || string.IsNullOrWhiteSpace(l.Subject) != string.IsNullOrWhiteSpace(l.Body)))
        {
            errors[nameof(form.Letters)] = "A letter needs both a subject and a text.";
        }

        LobbyingCampaign? campaign = null;
        if (slug is null)
        {
            var newSlug = Slug.From(form.Title);
            if (newSlug.Length == 0 || await db.LobbyingCampaigns.AnyAsync(c => c.Slug == newSlug, cancellationToken))
            {
                errors[nameof(form.Title)] = "A campaign with this title exists already.";
            }
            else
            {
                campaign = new LobbyingCampaign { Id = Guid.CreateVersion7(clock.GetUtcNow()), Slug = newSlug, Title = form.Title, CreatedAt = clock.GetUtcNow() };
            }
        }
        else if ((campaign = await db.LobbyingCampaigns.SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken)) is null)
        {
            return null;
        }

        if (errors.Count > 0 || campaign is null)
        {
            return null;
        }

        if (slug is null)
        {
            db.LobbyingCampaigns.Add(campaign);
        }

        campaign.Title = form.Title.Trim();
        campaign.Goal = form.Goal?.Trim() ?? "";
        campaign.TalkingPoints = form.TalkingPoints?.Trim() ?? "";
        campaign.Status = form.Status;
        campaign.CoalitionId = coalitionId;

        var links = await db.LobbyingCampaignTargets.Where(t => t.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var wanted = await db.Targets.Where(t => form.TargetIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        db.LobbyingCampaignTargets.RemoveRange(links.Where(l => !wanted.Contains(l.TargetId)));
        db.LobbyingCampaignTargets.AddRange(wanted.Where(id => links.All(l => l.TargetId != id)).Select(id => new LobbyingCampaignTarget { CampaignId = campaign.Id, TargetId = id }));

        var letters = await db.LobbyingLetters.Where(l => l.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        foreach (var input in form.Letters)
        {
            var letter = letters.FirstOrDefault(l => l.Language == input.Language);
            if (string.IsNullOrWhiteSpace(input.Subject))
            {
                if (letter is not null)
                {
                    db.LobbyingLetters.Remove(letter);
                }

                continue;
            }

            if (letter is null)
            {
                letter = new LobbyingLetter { Id = Guid.CreateVersion7(clock.GetUtcNow()), CampaignId = campaign.Id, Language = input.Language, Subject = "", Body = "" };
                db.LobbyingLetters.Add(letter);
            }

            letter.Subject = input.Subject.Trim();
            letter.Body = input.Body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
        return campaign.Slug;
    }
}
