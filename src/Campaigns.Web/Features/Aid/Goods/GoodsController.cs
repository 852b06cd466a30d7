using System.Security.Claims;
using Campaigns.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Aid.Goods;

/// <summary>
/// Goods for a drive, for the people who handle them: the partner's own users edit the needs list and confirm
/// arrival; coordinators also receive pledged goods and make shipments. Everyone else is refused.
/// </summary>
[Authorize]
[Route("aid/{slug:regex(^[[a-z0-9-]]+$)}/goods")]
public sealed class GoodsController(CampaignsDbContext db, ManageGoods goods, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Manage(string slug, CancellationToken cancellationToken)
    {
        if (await DriveAsync(slug, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        if (!await goods.IsStaffOrPartnerAsync(User, drive.Id, cancellationToken))
        {
            return Forbid();
        }

        return View(new GoodsPage(slug, drive.Title, drive.Currency, ManageGoods.IsStaff(User),
            await goods.NeedsAsync(drive.Id, cancellationToken), await goods.PledgesAsync(drive.Id, cancellationToken),
            await goods.ShipmentsAsync(drive.Id, cancellationToken)));
    }

    [HttpPost("needs")]
    public async Task<IActionResult> AddNeed(string slug, NeedForm form, CancellationToken cancellationToken)
    {
        if (await DriveAsync(slug, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        if (!await goods.IsStaffOrPartnerAsync(User, drive.Id, cancellationToken))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            await goods.AddNeedAsync(drive.Id, form, cancellationToken);
        }
        else
        {
            TempData["Notice"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }

        return Redirect($"/aid/{slug}/goods");
    }

    [HttpPost("needs/{itemId:guid}")]
    public async Task<IActionResult> EditNeed(string slug, Guid itemId, NeedForm form, CancellationToken cancellationToken)
    {
        if (await DriveAsync(slug, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        if (!await goods.IsStaffOrPartnerAsync(User, drive.Id, cancellationToken))
        {
            return Forbid();
        }

        var refusal = ModelState.IsValid
            ? await goods.EditNeedAsync(drive.Id, itemId, form, cancellationToken) is { } message ? T[message].Value : null
            : string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        TempData["Notice"] = refusal ?? T["The needs list is updated."].Value;
        return Redirect($"/aid/{slug}/goods");
    }

    [HttpPost("needs/{itemId:guid}/remove")]
    public async Task<IActionResult> RemoveNeed(string slug, Guid itemId, CancellationToken cancellationToken)
    {
        if (await DriveAsync(slug, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        if (!await goods.IsStaffOrPartnerAsync(User, drive.Id, cancellationToken))
        {
            return Forbid();
        }

        TempData["Notice"] = await goods.RemoveNeedAsync(drive.Id, itemId, cancellationToken) is { } refusal ? T[refusal].Value : T["The needs list is updated."].Value;
        return Redirect($"/aid/{slug}/goods");
    }

    [HttpPost("pledges/{pledgeId:guid}/received")]
    public async Task<IActionResult> Received(string slug, Guid pledgeId, GoodsReceiptForm form, CancellationToken cancellationToken)
    {
        if (await DriveAsync(slug, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        if (!ManageGoods.IsStaff(User))
        {
            return Forbid();
        }

        var refusal = ModelState.IsValid
            ? await goods.MarkReceivedAsync(drive.Id, pledgeId, form, cancellationToken) is { } message ? T[message].Value : null
            : string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        if (refusal is not null)
        {
            TempData["Notice"] = refusal;
        }

        return Redirect($"/aid/{slug}/goods");
    }

    [HttpPost("shipments")]
    public async Task<IActionResult> CreateShipment(string slug, ShipmentForm form, CancellationToken cancellationToken)
    {
        if (await DriveAsync(slug, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        if (!ManageGoods.IsStaff(User))
        {
            return Forbid();
        }

        var errors = new Dictionary<string, string>();
        if (!ModelState.IsValid || await goods.CreateShipmentAsync(drive.Id, form, errors, cancellationToken) is null)
        {
            TempData["Notice"] = string.Join(" ", errors.Values.Select(m => T[m].Value).Concat(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }

        return Redirect($"/aid/{slug}/goods");
    }

    [HttpPost("shipments/{shipmentId:guid}/shipped")]
    public async Task<IActionResult> Shipped(string slug, Guid shipmentId, CancellationToken cancellationToken)
    {
        if (await DriveAsync(slug, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        if (!ManageGoods.IsStaff(User))
        {
            return Forbid();
        }

        return await goods.MarkShippedAsync(drive.Id, shipmentId, cancellationToken) ? Redirect($"/aid/{slug}/goods") : NotFound();
    }

    /// <summary>Only the partner receiving the goods can say they arrived.</summary>
    [HttpPost("shipments/{shipmentId:guid}/arrived")]
    public async Task<IActionResult> Arrived(string slug, Guid shipmentId, string? notes, CancellationToken cancellationToken)
    {
        if (await DriveAsync(slug, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        if (!await goods.IsPartnerAsync(User, drive.Id, cancellationToken))
        {
            return Forbid();
        }

        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        await goods.ConfirmArrivalAsync(drive.Id, shipmentId, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim()[..Math.Min(2000, notes.Trim().Length)], userId, cancellationToken);
        return Redirect($"/aid/{slug}/goods");
    }

    [HttpGet("shipments/{shipmentId:guid}/packing-list")]
    public async Task<IActionResult> PackingList(string slug, Guid shipmentId, CancellationToken cancellationToken)
    {
        if (await DriveAsync(slug, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        if (!await goods.IsStaffOrPartnerAsync(User, drive.Id, cancellationToken))
        {
            return Forbid();
        }

        var shipment = (await goods.ShipmentsAsync(drive.Id, cancellationToken)).SingleOrDefault(s => s.Id == shipmentId);
        return shipment is null ? NotFound() : View(new PackingListPage(drive.Title, shipment));
    }

    private Task<DriveRef?> DriveAsync(string slug, CancellationToken cancellationToken) =>
        db.AidDrives.AsNoTracking().Where(d => d.Slug == slug).Select(d => new DriveRef(d.Id, d.Title, d.Currency)).SingleOrDefaultAsync(cancellationToken);

    private sealed record DriveRef(Guid Id, string Title, string Currency);
}

public sealed record GoodsPage(
    string Slug, string Title, string Currency, bool IsStaff, IReadOnlyList<NeedRow> Needs, IReadOnlyList<GoodsPledgeRow> Pledges, IReadOnlyList<ShipmentRow> Shipments);

public sealed record PackingListPage(string DriveTitle, ShipmentRow Shipment);
