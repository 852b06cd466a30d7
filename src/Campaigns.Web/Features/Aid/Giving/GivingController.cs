using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Aid.Giving;

/// <summary>Giving history by emailed signed link (open to anyone holding one), or from a signed-in account.</summary>
[Route("aid/giving")]
public sealed class GivingController(DonorHistory history, IStringLocalizer<SharedResource> T) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public IActionResult Ask() => View();

    [AllowAnonymous]
    [HttpPost("")]
    public async Task<IActionResult> Ask([FromForm] string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            ModelState.AddModelError("email", T["Enter a valid email address."]);
            return View();
        }

        await history.SendLinkAsync(email, cancellationToken);
        TempData["Notice"] = T["If this address has given, a link to its giving history is on its way."].Value;
        return Redirect("/aid/giving");
    }

    /// <summary>A signed-in person's own giving: their account's confirmed address stands in for the emailed link.</summary>
    [HttpGet("mine")]
    public async Task<IActionResult> Mine([FromServices] Microsoft.AspNetCore.Identity.UserManager<Data.CampaignsUser> accounts)
    {
        var user = await accounts.GetUserAsync(User);
        return user is { Email: { } email, EmailConfirmed: true } ? Redirect("/aid/giving/" + history.CreateToken(email)) : Redirect("/aid/giving");
    }

    [AllowAnonymous]
    [HttpGet("{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        if (history.Read(token) is not { } email)
        {
            return View("Expired");
        }

        return View("Show", new GivingPage(token, await history.LinesAsync(email, null, cancellationToken)));
    }

    /// <summary>A yearly statement as CSV: one line per gift or refund, totals per currency.</summary>
    [AllowAnonymous]
    [HttpGet("{token}/statement/{year:int}.csv")]
    public async Task<IActionResult> Statement(string token, int year, CancellationToken cancellationToken)
    {
        if (history.Read(token) is not { } email)
        {
            return View("Expired");
        }

        var lines = await history.LinesAsync(email, year, cancellationToken);
        var csv = new StringBuilder("date,drive,kind,amount,currency,receipt\r\n");
        foreach (var l in lines)
        {
            csv.AppendJoin(',', Admin.AidAdminController.Cell(l.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Admin.AidAdminController.Cell(l.DriveTitle),
                Admin.AidAdminController.Cell(l.Kind.ToString()), Admin.AidAdminController.Cell(Domain.Aid.Money.Invariant(l.AmountMinor)), Admin.AidAdminController.Cell(l.Currency),
                Admin.AidAdminController.Cell(l.ReceiptNumber)).Append("\r\n");
        }

        foreach (var total in lines.GroupBy(l => l.Currency).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            csv.AppendJoin(',', Admin.AidAdminController.Cell(year.ToString(CultureInfo.InvariantCulture)), Admin.AidAdminController.Cell("Total"), Admin.AidAdminController.Cell(""),
                Admin.AidAdminController.Cell(Domain.Aid.Money.Invariant(total.Sum(l => l.AmountMinor))), Admin.AidAdminController.Cell(total.Key), Admin.AidAdminController.Cell("")).Append("\r\n");
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"giving-{year}.csv");
    }
}

public sealed record GivingPage(string Token, IReadOnlyList<GivingLine> Lines);
