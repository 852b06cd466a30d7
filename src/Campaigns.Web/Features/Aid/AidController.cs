using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Features.Home;
using Campaigns.Web.Infrastructure.Payments;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Stripe;

namespace Campaigns.Web.Features.Aid;

/// <summary>The public pages of material aid: drives, donating, thanks, and the ledger.</summary>
[AllowAnonymous]
public sealed class AidController(ListLiveProgrammes programmes, ReadDrive drives, IStringLocalizer<SharedResource> T) : Controller
{
    private const string SlugRoute = "/aid/{slug:regex(^[[a-z0-9-]]+$)}";

    [HttpGet("/aid")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await programmes.AidDrivesAsync(null, cancellationToken));

    [HttpGet(SlugRoute)]
    public async Task<IActionResult> Details(string slug, string? via, [FromServices] Goods.ManageGoods goods, CancellationToken cancellationToken) =>
        await drives.FindAsync(slug, false, cancellationToken) is { } drive
            ? View("Details", new DrivePage(drive, await goods.NeedsAsync(drive.Id, cancellationToken)) { Via = ShareVia(via) })
            : NotFound();

    /// <summary>A donor promises goods against one item of the needs list; never more than is still needed.</summary>
    [HttpPost(SlugRoute + "/goods/{itemId:guid}/pledge")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> PledgeGoods(string slug, Guid itemId, Goods.GoodsPledgeForm form, [FromServices] Goods.ManageGoods goods, CancellationToken cancellationToken)
    {
        if (await drives.FindAsync(slug, false, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        string? refusal = null;
        if (!drive.IsOpen)
        {
            refusal = "This drive is not taking donations.";
        }
        else if (!ModelState.IsValid)
        {
            refusal = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }
        else
        {
            refusal = await goods.PledgeAsync(drive.Id, itemId, form, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        }

        if (refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            ModelState.AddModelError("", T[refusal]);
            return View("Details", new DrivePage(drive, await goods.NeedsAsync(drive.Id, cancellationToken)));
        }

        TempData["Notice"] = T["Thank you: your pledge of goods is recorded. We will tell you where to bring them."].Value;
        return LocalRedirect($"/aid/{slug}");
    }

    [HttpGet(SlugRoute + "/donate")]
    public async Task<IActionResult> Donate(string slug, string? via, [FromServices] StripeClients stripe, CancellationToken cancellationToken)
    {
        if (await drives.FindAsync(slug, false, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        AllowFormsToStripe();
        var form = new DonateForm { Currency = drive.Currency, Attempt = Guid.NewGuid(), Via = ShareVia(via) };
        return View("Donate", new DonatePage(drive, form, stripe.Enabled));
    }

    [HttpPost(SlugRoute + "/donate")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> Donate(string slug, DonateForm form, [FromServices] StartDonation start, [FromServices] StripeClients stripe, CancellationToken cancellationToken)
    {
        if (await drives.FindAsync(slug, false, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        var errors = new Dictionary<string, string>();
        if (ModelState.IsValid)
        {
            var outcome = await start.HandleAsync(drive, form, errors, cancellationToken);
            if (outcome.RedirectUrl is { } url)
            {
                return outcome.External ? Redirect(url) : LocalRedirect(url);
            }
        }

        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key, T[message]);
        }

        AllowFormsToStripe();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Donate", new DonatePage(drive, form, stripe.Enabled));
    }

    [HttpGet(SlugRoute + "/thanks/{key:regex(^[[a-f0-9]]{{40}}$)}")]
    public async Task<IActionResult> Thanks(string slug, string key, [FromServices] ReadDonation donations, CancellationToken cancellationToken)
    {
        if (await donations.FindAsync(slug, key, cancellationToken) is not { } donation)
        {
            return NotFound();
        }

        AllowFormsToStripe();
        return View("Thanks", donation);
    }

    /// <summary>Sends a monthly donor to Stripe's own page to change their card or cancel.</summary>
    [HttpPost(SlugRoute + "/thanks/{key:regex(^[[a-f0-9]]{{40}}$)}/manage")]
    public async Task<IActionResult> Manage(string slug, string key, [FromServices] Data.CampaignsDbContext db, [FromServices] StripeClients stripe,
        [FromServices] Microsoft.Extensions.Options.IOptions<Infrastructure.Hosting.CampaignsOptions> options, CancellationToken cancellationToken)
    {
        var customer = await db.Donations.AsNoTracking()
            .Where(d => d.AccessKey == key && d.Frequency == DonationFrequency.Monthly && d.StripeCustomerId != null)
            .Select(d => d.StripeCustomerId).SingleOrDefaultAsync(cancellationToken);
        if (customer is null || !stripe.Enabled)
        {
            return NotFound();
        }

        try
        {
            var portal = await new Stripe.BillingPortal.SessionService(stripe.Client).CreateAsync(
                new Stripe.BillingPortal.SessionCreateOptions
                {
                    Customer = customer,
                    ReturnUrl = options.Value.PublicBaseUrl.TrimEnd('/') + StartDonation.ThanksPath(slug, key),
                },
                cancellationToken: cancellationToken);
            return Redirect(portal.Url);
        }
        catch (StripeException)
        {
            TempData["Notice"] = T["Card payments are unavailable right now. Nothing was charged; please try again in a few minutes."].Value;
            return LocalRedirect(StartDonation.ThanksPath(slug, key));
        }
    }

    [HttpGet(SlugRoute + "/ledger")]
    public async Task<IActionResult> Ledger(string slug, CancellationToken cancellationToken)
    {
        if (await drives.FindAsync(slug, false, cancellationToken) is not { } drive)
        {
            return NotFound();
        }

        return View("Ledger", new LedgerPage(drive, await drives.LedgerAsync(drive.Id, false, cancellationToken)));
    }

    /// <summary>
    /// Checkout and the billing portal live on Stripe's own hosts; the site-wide policy allows forms to post only
    /// to this site, and browsers apply that to the redirect that follows the form too.
    /// </summary>
    /// <summary>A coalition share link's member, passed along as it came; only a real co-sponsor is recorded later.</summary>
    private static string? ShareVia(string? via) => via is { Length: > 0 and <= 80 } ? via : null;

    private void AllowFormsToStripe()
    {
        var policy = Response.Headers.ContentSecurityPolicy.ToString();
        if (policy.Length > 0)
        {
            Response.Headers.ContentSecurityPolicy = policy.Replace("form-action 'self'", "form-action 'self' https://checkout.stripe.com https://billing.stripe.com", StringComparison.Ordinal);
        }
    }
}

public sealed record DrivePage(DriveView Drive, IReadOnlyList<Goods.NeedRow> Needs)
{
    /// <summary>The co-sponsor slug of the coalition share link the donor arrived through, carried to the donate form.</summary>
    public string? Via { get; init; }
}

public sealed record DonatePage(DriveView Drive, DonateForm Form, bool CardPayments);

public sealed record LedgerPage(DriveView Drive, IReadOnlyList<LedgerRow> Rows);
