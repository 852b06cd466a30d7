using System.Globalization;
using System.Security.Claims;
using System.Text;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Aid.Admin;

[Authorize(Policy = Policies.Staff)]
[Route("admin/aid")]
public sealed class AidAdminController(CampaignsDbContext db, ReadDrive drives, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.AidDrives.AsNoTracking().OrderByDescending(d => d.StartsOn)
            .Select(d => new DriveRow(d.Slug, d.Title, d.Status, d.StartsOn, d.EndsOn, d.GoalAmountMinor, d.Currency))
            .ToListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Edit", await EditModelAsync(null, new DriveForm { StartsOn = drives.Today }, cancellationToken));

    [HttpPost("new")]
    public Task<IActionResult> Create(DriveForm form, [FromServices] SaveDrive save, CancellationToken cancellationToken) =>
        SaveAsync(null, form, save, cancellationToken);

    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, [FromServices] SaveDrive save, CancellationToken cancellationToken) =>
        await save.FormAsync(slug, cancellationToken) is { } form ? View("Edit", await EditModelAsync(slug, form, cancellationToken)) : NotFound();

    [HttpPost("{slug}/edit")]
    public Task<IActionResult> Update(string slug, DriveForm form, [FromServices] SaveDrive save, CancellationToken cancellationToken) =>
        SaveAsync(slug, form, save, cancellationToken);

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        if (await drives.FindAsync(slug, true, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        var pledges = await db.Donations.AsNoTracking()
            .Where(d => d.AidDriveId == drive.Id && d.Status == DonationStatus.Pledged)
            .OrderBy(d => d.CreatedAt)
            .Select(d => new PledgeRow(d.Id, d.CreatedAt, d.DonorName, d.DonorEmail, d.AmountMinor, d.Currency))
            .ToListAsync(cancellationToken);
        var flagged = await db.StripeWebhookEvents.AsNoTracking()
            .Where(e => e.Flag != null)
            .OrderByDescending(e => e.ReceivedAt)
            .Take(50)
            .Select(e => new FlaggedEventRow(e.Id, e.Type, e.Flag!, e.ReceivedAt))
            .ToListAsync(cancellationToken);
        return View(new DriveAdminPage(drive, pledges, await drives.LedgerAsync(drive.Id, true, cancellationToken), flagged,
            new OfflineGiftForm { Currency = drive.Currency, Attempt = Guid.NewGuid() }, new MoneyOutForm { Currency = drive.Currency, Attempt = Guid.NewGuid() }));
    }

    [HttpPost("{slug}/pledges/{donationId:guid}/received")]
    public async Task<IActionResult> PledgeReceived(string slug, Guid donationId, [FromServices] RecordMoney record, CancellationToken cancellationToken)
    {
        if (!await record.PledgeReceivedAsync(slug, donationId, UserId(), cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = T["The pledge is marked received and counted."].Value;
        return Redirect($"/admin/aid/{slug}");
    }

    [HttpPost("{slug}/gifts")]
    public async Task<IActionResult> OfflineGift(string slug, OfflineGiftForm form, [FromServices] RecordMoney record, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (ModelState.IsValid && await record.OfflineGiftAsync(slug, form, UserId(), errors, cancellationToken))
        {
            TempData["Notice"] = T["The gift is recorded."].Value;
            return Redirect($"/admin/aid/{slug}");
        }

        return Refused(slug, errors);
    }

    [HttpPost("{slug}/out")]
    public async Task<IActionResult> MoneyOut(string slug, MoneyOutForm form, [FromServices] RecordMoney record, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (ModelState.IsValid && await record.MoneyOutAsync(slug, form, UserId(), errors, cancellationToken))
        {
            TempData["Notice"] = T["The payment is recorded."].Value;
            return Redirect($"/admin/aid/{slug}");
        }

        return Refused(slug, errors);
    }

    [HttpPost("{slug}/ledger/{entryId:guid}/reverse")]
    public async Task<IActionResult> Reverse(string slug, Guid entryId, [FromServices] RecordMoney record, CancellationToken cancellationToken)
    {
        if (!await record.ReverseAsync(slug, entryId, UserId(), cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = T["A correcting entry was added."].Value;
        return Redirect($"/admin/aid/{slug}");
    }

    [HttpGet("{slug}/ledger.csv")]
    public async Task<IActionResult> LedgerCsv(string slug, CancellationToken cancellationToken)
    {
        if (await drives.FindAsync(slug, true, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        var rows = await drives.LedgerAsync(drive.Id, true, cancellationToken);
        var csv = new StringBuilder();
        csv.Append("date,kind,channel,amount,currency,donor,email,receipt,description,flag,key\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',',
                Cell(r.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), Cell(r.Kind.ToString()), Cell(r.Channel),
                Cell(Money.Invariant(r.AmountMinor)), Cell(r.Currency), Cell(r.DonorName), Cell(r.DonorEmail), Cell(r.ReceiptNumber),
                Cell(r.Description), Cell(r.Flag), Cell(r.ExternalKey)).Append("\r\n");
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"ledger-{slug}.csv");
    }

    /// <summary>Quotes every cell, and defuses a leading =, +, - or @ so a spreadsheet never runs a donor's name as a formula.</summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private IActionResult Refused(string slug, Dictionary<string, string> errors)
    {
        var messages = errors.Values.Select(m => T[m].Value).Concat(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        TempData["Notice"] = string.Join(" ", messages.Distinct());
        return Redirect($"/admin/aid/{slug}");
    }

    private Guid UserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task<IActionResult> SaveAsync(string? slug, DriveForm form, SaveDrive save, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (ModelState.IsValid && await save.SaveAsync(slug, form, errors, cancellationToken) is { } saved)
        {
            return Redirect($"/admin/aid/{saved}");
        }

        if (slug is not null && errors.Count == 0 && ModelState.IsValid)
        {
            return NotFound();
        }

        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key, T[message]);
        }

        return View("Edit", await EditModelAsync(slug, form, cancellationToken));
    }

    private async Task<DriveEditModel> EditModelAsync(string? slug, DriveForm form, CancellationToken cancellationToken) =>
        new(slug, form, await db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new PartnerOption(p.Slug, p.Name)).ToListAsync(cancellationToken));
}

public sealed record DriveRow(string Slug, string Title, Domain.Programmes.ProgrammeStatus Status, DateOnly StartsOn, DateOnly? EndsOn, long GoalAmountMinor, string Currency);

public sealed record PartnerOption(string Slug, string Name);

public sealed record DriveEditModel(string? Slug, DriveForm Form, IReadOnlyList<PartnerOption> Partners);

public sealed record PledgeRow(Guid Id, DateTimeOffset CreatedAt, string? DonorName, string? DonorEmail, long AmountMinor, string Currency);

public sealed record FlaggedEventRow(string Id, string Type, string Flag, DateTimeOffset ReceivedAt);

public sealed record DriveAdminPage(
    DriveView Drive, IReadOnlyList<PledgeRow> Pledges, IReadOnlyList<LedgerRow> Ledger, IReadOnlyList<FlaggedEventRow> FlaggedEvents,
    OfflineGiftForm Gift, MoneyOutForm Out);
