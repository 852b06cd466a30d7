using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Privacy;

/// <summary>
/// A person's rights over their data: see it, download it, have it erased. No account needed: a signed link sent to
/// the address proves the mailbox is theirs; a signed-in user with a confirmed address gets the same link at once.
/// </summary>
[Route("privacy")]
public sealed class PrivacyController(PrivacyLinks links, PersonalData data, IStringLocalizer<SharedResource> T) : Controller
{
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // Letters in every script stay readable; markup characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [AllowAnonymous]
    [HttpGet("")]
    public IActionResult Index() => View();

    [AllowAnonymous]
    [HttpPost("")]
    [EnableRateLimiting(RateLimits.AccountEmail)]
    public async Task<IActionResult> Index([FromForm] string? email, [FromServices] RequestPrivacyLink request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 320 || !new EmailAddressAttribute().IsValid(email))
        {
            ModelState.AddModelError("email", T["Enter a valid email address."]);
            return View();
        }

        await request.HandleAsync(email, Culture, cancellationToken);
        TempData["Notice"] = T["If we hold anything about this address, a link to it is on its way. It works for 24 hours."].Value;
        return Redirect("/privacy");
    }

    /// <summary>From the account page: the signed-in person's own link, only for an address they have proved is theirs.</summary>
    [Authorize]
    [HttpGet("mine")]
    public async Task<IActionResult> Mine([FromServices] UserManager<CampaignsUser> userManager)
    {
        var user = await userManager.GetUserAsync(User);
        if (user?.Email is null || !user.EmailConfirmed)
        {
            TempData["Notice"] = T["Confirm your email address first, or ask for a link below."].Value;
            return Redirect("/privacy");
        }

        return Redirect("/privacy/" + links.Token(user.Email));
    }

    [AllowAnonymous]
    [HttpGet("{token}")]
    public async Task<IActionResult> Rights(string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } email)
        {
            return View("LinkExpired");
        }

        // The page lists personal data: no shared or browser cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return View("Rights", new RightsPage(token, await data.ReadAsync(email, cancellationToken)));
    }

    [AllowAnonymous]
    [HttpGet("{token}/data.json")]
    public async Task<IActionResult> Download(string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } email)
        {
            return View("LinkExpired");
        }

        var export = await data.ReadAsync(email, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions), "application/json; charset=utf-8", "my-data.json");
    }

    [AllowAnonymous]
    [HttpGet("{token}/erase")]
    public IActionResult Erase(string token) => links.Read(token) is null ? View("LinkExpired") : View("Erase", token);

    [AllowAnonymous]
    [HttpPost("{token}/erase")]
    public async Task<IActionResult> Erase(string token, [FromForm] bool confirm, [FromServices] RequestErasure erasure, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } email)
        {
            return View("LinkExpired");
        }

        if (!confirm)
        {
            ModelState.AddModelError("confirm", T["Tick the box to confirm that you want everything erased."]);
            return View("Erase", token);
        }

        return await erasure.HandleAsync(email, Culture, cancellationToken) switch
        {
            ErasureOutcome.StaffAccount => View("StaffAccount"),
            _ => View("Erasing"),
        };
    }
}

public sealed record RightsPage(string Token, PersonalDataExport Data);
