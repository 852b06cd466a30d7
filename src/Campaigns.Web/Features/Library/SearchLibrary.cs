using Campaigns.Web.Data;
using Campaigns.Web.Domain.Library;
using Campaigns.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Library;

public sealed record LibraryQuery(string? Q, LibraryItemKind? Kind, string? Language, string? Country, string? Partner, string? Topic);

public sealed record LibraryCard(
    string Slug, LibraryItemKind Kind, string Title, string Description, string? Url, bool HasFile, string Language,
    string Subtitles, string? PartnerSlug, string? PartnerName, string CountryCode, IReadOnlyList<string> Topics)
{
    public string Href => HasFile ? $"/library/{Slug}/file" : Url ?? "";
}

public sealed record LibraryView(LibraryQuery Query, IReadOnlyList<LibraryCard> Items);

/// <summary>The library, searched by words and narrowed by tags; also the items linked to one tour.</summary>
public sealed class SearchLibrary(CampaignsDbContext db)
{
    public async Task<List<LibraryCard>> HandleAsync(LibraryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = db.LibraryItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLower();
            items = items.Where(i => i.Title.ToLower().Contains(q) || i.Description.ToLower().Contains(q) || i.Topics.ToLower().Contains(q));
        }

        if (query.Kind is { } kind)
        {
            items = items.Where(i => i.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            var language = query.Language.Trim().ToLower();
            items = items.Where(i => i.Language.ToLower() == language || i.Subtitles.ToLower().Contains(language));
        }

        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = query.Country.Trim().ToUpperInvariant();
            items = items.Where(i => i.CountryCode == country);
        }

        if (!string.IsNullOrWhiteSpace(query.Partner))
        {
            items = items.Where(i => db.Partners.Any(p => p.Id == i.PartnerOrganisationId && p.Slug == query.Partner));
        }

        if (!string.IsNullOrWhiteSpace(query.Topic))
        {
            var topic = query.Topic.Trim().ToLower();
            items = items.Where(i => ("," + i.Topics.ToLower().Replace(", ", ",") + ",").Contains("," + topic + ","));
        }

        return await ToCardsAsync(items.OrderByDescending(i => i.CreatedAt), cancellationToken);
    }

    public Task<List<LibraryCard>> ForTourAsync(Guid tourId, CancellationToken cancellationToken) =>
        ToCardsAsync(db.LibraryItems.AsNoTracking().Where(i => i.Tours.Any(t => t.Id == tourId)).OrderBy(i => i.Title), cancellationToken);

    private async Task<List<LibraryCard>> ToCardsAsync(IQueryable<LibraryItem> items, CancellationToken cancellationToken)
    {
        var rows = await items
            .Select(i => new
            {
                i.Slug, i.Kind, i.Title, i.Description, i.Url, HasFile = i.StoredFile != null, i.Language, i.Subtitles, i.CountryCode, i.Topics,
                Partner = db.Partners.Where(p => p.Id == i.PartnerOrganisationId)
                    .Select(p => new { Slug = p.Visibility == ProfileVisibility.Public ? p.Slug : null, Name = p.Visibility == ProfileVisibility.Public ? p.Name : p.PublicName }).FirstOrDefault(),
            })
            .Take(200)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new LibraryCard(
            r.Slug, r.Kind, r.Title, r.Description, r.Url, r.HasFile, r.Language, r.Subtitles, r.Partner?.Slug, r.Partner?.Name, r.CountryCode,
            r.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList();
    }
}
