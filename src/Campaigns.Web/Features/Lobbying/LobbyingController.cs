using System.Globalization;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Infrastructure.Localization;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Lobbying;

/// <summary>Lobbying campaigns for supporters: find your representative, write, call or visit, see where targets stand.</summary>
[AllowAnonymous]
public sealed class LobbyingController(ReadLobbyingPage pages, IStringLocalizer<SharedResource> T) : Controller
{
    private const string SlugPattern = "{slug:regex(^[[a-z0-9-]]+$)}";

    [HttpGet("/lobbying")]
    public async Task<IActionResult> Index([FromServices] CampaignsDbContext db, CancellationToken cancellationToken) =>
        View("Index", await db.LobbyingCampaigns.AsNoTracking().Where(c => c.Status == ProgrammeStatus.Live).OrderBy(c => c.Title)
            .Select(c => new LobbyingRow(c.Slug, c.Title, c.Goal)).ToListAsync(cancellationToken));

    [HttpGet("/lobbying/" + SlugPattern)]
    public async Task<IActionResult> Details(string slug, string? lang, CancellationToken cancellationToken) =>
        await pages.HandleAsync(slug, Language(lang), false, cancellationToken) is { } page ? View("Details", page) : NotFound();

    [HttpGet("/lobbying/" + SlugPattern + "/representatives")]
    public async Task<IActionResult> Representatives(string slug, string? country, Guid? district, string? lang, string? via, [FromServices] FindRepresentatives find, CancellationToken cancellationToken)
    {
        if (await pages.HandleAsync(slug, Language(lang), false, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        var result = await find.HandleAsync(page.Campaign.Id, country, district, cancellationToken);
        if (result.District is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View("Representatives", new RepresentativesPage(page, result, country, via, await pages.LettersAsync(page.Campaign.Id, cancellationToken), Language(lang)));
    }

    [HttpPost("/lobbying/" + SlugPattern + "/letter")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> Letter(
        string slug, LetterForm form, [FromServices] TakeLobbyingAction take, [FromServices] FindRepresentatives find, CancellationToken cancellationToken)
    {
        form.Language = Language(form.Language);
        var result = ModelState.IsValid ? await take.SendLetterAsync(slug, form, cancellationToken) : LobbyingResult.Invalid;
        if (result == LobbyingResult.Invalid && form.DistrictId is not null && await pages.HandleAsync(slug, form.Language, false, cancellationToken) is { } page)
        {
            // Back to the same page with the supporter's edits in the box and what to change above it.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var found = await find.HandleAsync(page.Campaign.Id, null, form.DistrictId, cancellationToken);
            var problems = ModelState.Values.SelectMany(v => v.Errors).Select(e => T[e.ErrorMessage].Value).DefaultIfEmpty(T["Check your letter and send it again."].Value);
            return View("Representatives", new RepresentativesPage(page, found, null, form.Via, await pages.LettersAsync(page.Campaign.Id, cancellationToken), form.Language)
            {
                Draft = form,
                Problem = string.Join(" ", problems),
            });
        }

        if (result == LobbyingResult.Invalid)
        {
            TempData["Notice"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => T[e.ErrorMessage].Value));
            return Redirect(Back(slug, form.DistrictId, form.Via));
        }

        if (result == LobbyingResult.NoEmail)
        {
            return Redirect($"/lobbying/{slug}/postal/{form.TargetId}?name={Uri.EscapeDataString(form.Name)}&lang={form.Language}");
        }

        TempData["Notice"] = result switch
        {
            LobbyingResult.Done => T["Your letter is on its way."].Value,
            LobbyingResult.AlreadySent => T["You have already written to this representative on this campaign."].Value,
            LobbyingResult.NoLetter => T["This campaign has no letter yet."].Value,
            _ => T["This representative is not a target of this campaign."].Value,
        };
        return Redirect(Back(slug, form.DistrictId, form.Via));
    }

    [HttpPost("/lobbying/" + SlugPattern + "/log")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> Log(string slug, LogForm form, [FromServices] TakeLobbyingAction take, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            TempData["Notice"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Redirect(Back(slug, form.DistrictId, form.Via));
        }

        var result = await take.LogAsync(slug, form, cancellationToken);
        TempData["Notice"] = result switch
        {
            LobbyingResult.Done => T["Thank you. What you heard is on the scorecard."].Value,
            LobbyingResult.OutcomeMissing => T["Choose what the representative said."].Value,
            _ => T["This representative is not a target of this campaign."].Value,
        };
        return Redirect(Back(slug, form.DistrictId, form.Via));
    }

    /// <summary>For targets without an email address: the letter as a page to print and post.</summary>
    [HttpGet("/lobbying/" + SlugPattern + "/postal/{targetId:guid}")]
    public async Task<IActionResult> Postal(string slug, Guid targetId, string? name, string? lang, [FromServices] TakeLobbyingAction take, CancellationToken cancellationToken) =>
        await take.PostalAsync(slug, targetId, name, Language(lang), cancellationToken) is { } letter ? View("Postal", letter) : NotFound();

    [HttpGet("/lobbying/" + SlugPattern + "/scorecard")]
    public async Task<IActionResult> Scorecard(string slug, [FromServices] ReadScorecard scorecard, CancellationToken cancellationToken)
    {
        if (await pages.HandleAsync(slug, "en", false, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        return View("Scorecard", new ScorecardPage(page.Campaign.Slug, page.Campaign.Title, await scorecard.HandleAsync(page.Campaign.Id, cancellationToken)));
    }

    private static string Back(string slug, Guid? district, string? via) =>
        district is null
            ? $"/lobbying/{slug}"
            : $"/lobbying/{slug}/representatives?district={district}" + (string.IsNullOrEmpty(via) ? "" : "&via=" + Uri.EscapeDataString(via));

    private static string Language(string? lang) =>
        lang is not null && CampaignsLocalization.Cultures.Contains(lang) ? lang
        : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && CampaignsLocalization.Cultures.Contains(l) ? l : "en";
}

public sealed record LobbyingRow(string Slug, string Title, string Goal);

/// <param name="Language">The supporter's (the page's) language.</param>
public sealed record RepresentativesPage(
    LobbyingPage Page, RepresentativesResult Result, string? Country, string? Via, IReadOnlyList<LobbyingLetter> Letters, string Language)
{
    /// <summary>A letter that was refused, shown again in its representative's form.</summary>
    public LetterForm? Draft { get; init; }

    public string? Problem { get; init; }

    public LobbyingLetter? LetterFor(Representative representative) =>
        ReadLobbyingPage.Choose(Letters, representative?.Language, Language);
}

public sealed record ScorecardPage(string Slug, string Title, IReadOnlyList<ScorecardRow> Rows);
