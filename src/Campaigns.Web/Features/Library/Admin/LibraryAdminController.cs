using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Library.Admin;

[Authorize(Policy = Policies.Staff)]
[Route("admin/library")]
public sealed class LibraryAdminController(CampaignsDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.LibraryItems.AsNoTracking().OrderBy(i => i.Title)
            .Select(i => new KeyValuePair<string, string>(i.Slug, i.Title)).ToListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) => View("Edit", await ModelAsync(null, new LibraryItemForm(), cancellationToken));

    [HttpPost("new")]
    [RequestSizeLimit(210 * 1024 * 1024)]
    public Task<IActionResult> Create(LibraryItemForm form, [FromServices] SaveLibraryItem save, CancellationToken cancellationToken) =>
        SaveAsync(null, form, save, cancellationToken);

    [HttpGet("{slug}")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var form = await db.LibraryItems.AsNoTracking().Where(i => i.Slug == slug).Select(i => new LibraryItemForm
        {
            Kind = i.Kind,
            Title = i.Title,
            Description = i.Description,
            Url = i.Url,
            Language = i.Language,
            Subtitles = i.Subtitles,
            PartnerSlug = db.Partners.Where(p => p.Id == i.PartnerOrganisationId).Select(p => p.Slug).FirstOrDefault(),
            CountryCode = i.CountryCode,
            Topics = i.Topics,
            TourIds = i.Tours.Select(t => t.Id).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        return form is null ? NotFound() : View("Edit", await ModelAsync(slug, form, cancellationToken));
    }

    [HttpPost("{slug}")]
    [RequestSizeLimit(210 * 1024 * 1024)]
    public Task<IActionResult> Update(string slug, LibraryItemForm form, [FromServices] SaveLibraryItem save, CancellationToken cancellationToken) =>
        SaveAsync(slug, form, save, cancellationToken);

    private async Task<IActionResult> SaveAsync(string? slug, LibraryItemForm form, SaveLibraryItem save, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (saved, error) = await save.SaveAsync(slug, form, cancellationToken);
            if (saved is not null)
            {
                return Redirect("/admin/library");
            }

            if (error is null)
            {
                return NotFound();
            }

            ModelState.AddModelError("", error);
        }

        return View("Edit", await ModelAsync(slug, form, cancellationToken));
    }

    private async Task<LibraryEditModel> ModelAsync(string? slug, LibraryItemForm form, CancellationToken cancellationToken) => new(
        slug,
        form,
        await db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new KeyValuePair<string, string>(p.Slug, p.Name)).ToListAsync(cancellationToken),
        await db.Tours.AsNoTracking().OrderBy(t => t.Title).Select(t => new KeyValuePair<Guid, string>(t.Id, t.Title)).ToListAsync(cancellationToken));
}

public sealed record LibraryEditModel(string? Slug, LibraryItemForm Form, IReadOnlyList<KeyValuePair<string, string>> Partners, IReadOnlyList<KeyValuePair<Guid, string>> Tours);
