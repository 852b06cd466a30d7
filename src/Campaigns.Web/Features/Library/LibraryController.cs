using Campaigns.Web.Data;
using Campaigns.Web.Domain.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Library;

/// <summary>The public library: search, tags, and uploaded PDFs.</summary>
[AllowAnonymous]
public sealed class LibraryController(SearchLibrary search) : Controller
{
    [HttpGet("/library")]
    public async Task<IActionResult> Index(string? q, LibraryItemKind? kind, string? language, string? country, string? partner, string? topic, CancellationToken cancellationToken)
    {
        var query = new LibraryQuery(q, kind, language, country, partner, topic);
        return View("Index", new LibraryView(query, await search.HandleAsync(query, cancellationToken)));
    }

    [HttpGet("/library/{slug:regex(^[[a-z0-9-]]+$)}/file")]
    public async Task<IActionResult> File(string slug, [FromServices] CampaignsDbContext db, [FromServices] LibraryFiles files, CancellationToken cancellationToken)
    {
        var stored = await db.LibraryItems.AsNoTracking().Where(i => i.Slug == slug).Select(i => i.StoredFile).SingleOrDefaultAsync(cancellationToken);
        if (stored is null || !System.IO.File.Exists(files.PathOf(stored)))
        {
            return NotFound();
        }

        return PhysicalFile(files.PathOf(stored), "application/pdf", slug + ".pdf");
    }
}
