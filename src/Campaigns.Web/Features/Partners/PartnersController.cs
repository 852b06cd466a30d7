using Campaigns.Web.Data;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Features.Admin.Access;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Partners;

[Authorize(Policy = Policies.Staff)]
[Route("admin/partners")]
public sealed class PartnersController(CampaignsDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.Partners.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new PartnerRow(p.Slug, p.Name, p.PublicName, p.CountryCode, p.Sector, p.Visibility))
            .ToListAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new PartnerEditModel(null, new PartnerForm()));

    [HttpPost("new")]
    public async Task<IActionResult> Create(PartnerForm form, [FromServices] SavePartner save, [FromServices] GrantAccess grant, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Edit", new PartnerEditModel(null, form));
        }

        var partner = await save.CreateAsync(form, cancellationToken);

        // Whoever brings a partner in knows its people already: they get need-to-know of it, audited like any grant.
        await grant.GrantAsync(User, NeedToKnow.UserId(User)!.Value, AccessScope.Partner, partner.Id, cancellationToken);
        return Redirect($"/admin/partners/{partner.Slug}");
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details(string slug, [FromServices] NeedToKnow needToKnow, CancellationToken cancellationToken)
    {
        var id = await db.Partners.Where(p => p.Slug == slug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return NotFound();
        }

        // Contacts are protected: read (and decrypted) only for someone with need-to-know, and that view is audited.
        var allowed = await needToKnow.CanSeePartnerAsync(User, id, cancellationToken);
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PartnerDetails(
                p.Slug, p.Name, p.PublicName, p.CountryCode, p.Sector, p.Description, p.Visibility,
                allowed, p.Contacts.Count, new List<ContactRow>(),
                db.Users.Where(u => u.PartnerOrganisationId == p.Id).Select(u => u.DisplayName + " <" + u.Email + ">").ToList()))
            .SingleAsync(cancellationToken);
        if (!allowed)
        {
            return View(partner);
        }

        var contacts = await db.PartnerContacts.AsNoTracking().Where(c => c.PartnerOrganisationId == id)
            .Select(c => new ContactRow(c.Name, c.Role, c.Email, c.Phone)).ToListAsync(cancellationToken);
        await needToKnow.AuditViewAsync(User, AuditRecords.Partner, id.Value, cancellationToken);

        // Names are ciphertext in the database, so they are ordered here rather than in SQL.
        return View(partner with { Contacts = contacts.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList() });
    }

    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var form = await db.Partners.AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new PartnerForm
            {
                Name = p.Name,
                PublicName = p.PublicName,
                CountryCode = p.CountryCode,
                Sector = p.Sector,
                Description = p.Description,
                Visibility = p.Visibility,
            })
            .SingleOrDefaultAsync(cancellationToken);
        return form is null ? NotFound() : View(new PartnerEditModel(slug, form));
    }

    [HttpPost("{slug}/edit")]
    public async Task<IActionResult> Update(string slug, PartnerForm form, [FromServices] SavePartner save, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Edit", new PartnerEditModel(slug, form));
        }

        return await save.UpdateAsync(slug, form, cancellationToken) ? Redirect($"/admin/partners/{slug}") : NotFound();
    }

    [HttpPost("{slug}/contacts")]
    public async Task<IActionResult> AddContact(string slug, PartnerContactForm form, [FromServices] AddPartnerContact add, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            TempData["Notice"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Redirect($"/admin/partners/{slug}");
        }

        return await add.HandleAsync(slug, form, cancellationToken) ? Redirect($"/admin/partners/{slug}") : NotFound();
    }
}

public sealed record PartnerRow(string Slug, string Name, string PublicName, string CountryCode, string Sector, Domain.Partners.ProfileVisibility Visibility);

public sealed record PartnerDetails(
    string Slug, string Name, string PublicName, string CountryCode, string Sector, string Description,
    Domain.Partners.ProfileVisibility Visibility, bool ContactsVisible, int ContactCount, IReadOnlyList<ContactRow> Contacts, IReadOnlyList<string> Users);

public sealed record ContactRow(string Name, string? Role, string? Email, string? Phone);

public sealed record PartnerEditModel(string? Slug, PartnerForm Form);
