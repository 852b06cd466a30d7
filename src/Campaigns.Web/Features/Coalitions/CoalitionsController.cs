using System.Globalization;
using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Localization;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>The public side of coalitions: their points of unity and how they changed, signing on, joint actions.</summary>
[AllowAnonymous]
public sealed class CoalitionsController(ReadCoalitionPage read, CoalitionLinks links, IStringLocalizer<SharedResource> T) : Controller
{
    private const string SlugPattern = "{slug:regex(^[[a-z0-9-]]+$)}";

    [HttpGet("/coalitions")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View("Index", await read.ListAsync(cancellationToken));

    [HttpGet("/coalitions/" + SlugPattern)]
    public async Task<IActionResult> Details(string slug, CancellationToken cancellationToken) =>
        await read.HandleAsync(slug, false, cancellationToken) is { } page ? View("Details", page) : NotFound();

    /// <summary>Every version, and what changed between two of them (the last two by default).</summary>
    [HttpGet("/coalitions/" + SlugPattern + "/points")]
    public async Task<IActionResult> Points(string slug, int? from, int? to, CancellationToken cancellationToken)
    {
        if (await read.HandleAsync(slug, false, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        var after = page.Versions.FirstOrDefault(v => v.Number == to) ?? page.Current;
        var before = page.Versions.FirstOrDefault(v => v.Number == from) ?? page.Versions.LastOrDefault(v => after is not null && v.Number < after.Number);
        var diff = before is not null && after is not null ? TextDiff.Compare(before.Text, after.Text) : [];
        return View("Points", new PointsPage(page, before, after, diff));
    }

    [HttpGet("/coalitions/" + SlugPattern + "/sign")]
    public async Task<IActionResult> Sign(string slug, CancellationToken cancellationToken) =>
        await read.HandleAsync(slug, false, cancellationToken) is { Current: { } current } page
            ? View("Sign", new SignPage(page, new SignForm { VersionNumber = current.Number }))
            : NotFound();

    [HttpPost("/coalitions/" + SlugPattern + "/sign")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> SignPost(string slug, SignForm form, [FromServices] SignPointsOfUnity sign, CancellationToken cancellationToken)
    {
        if (await read.HandleAsync(slug, false, cancellationToken) is not { Current: not null } page)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await sign.SignAsync(slug, form, Language(), cancellationToken);
            if (result == SignResult.Signed)
            {
                TempData["Notice"] = T["Thank you. Your organisation's signature is recorded; a coordinator will confirm it before it is listed."].Value;
                return Redirect($"/coalitions/{slug}");
            }

            ModelState.AddModelError("", Message(result));
        }

        return View("Sign", new SignPage(page, form));
    }

    [HttpGet("/coalitions/" + SlugPattern + "/reaffirm/{token}")]
    public async Task<IActionResult> Reaffirm(string slug, string token, [FromServices] CampaignsDbContext db, CancellationToken cancellationToken)
    {
        if (links.ReadReaffirm(token) is not { } memberId || await read.HandleAsync(slug, true, cancellationToken) is not { Current: not null } page)
        {
            return View("LinkExpired");
        }

        var member = await db.CoalitionMembers.AsNoTracking().Where(m => m.Id == memberId && m.CoalitionId == page.Coalition.Id)
            .Select(m => new MemberRow(m.Id, m.OrganisationName, m.Slug, m.CountryCode, m.ListPublicly, m.Approved,
                db.Endorsements.Where(e => e.MemberId == m.Id).Join(db.PointsOfUnityVersions, e => e.VersionId, v => v.Id, (e, v) => (int?)v.Number).Max()))
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return View("LinkExpired");
        }

        var before = page.Versions.FirstOrDefault(v => v.Number == member.LatestSigned);
        var diff = before is null ? [] : TextDiff.Compare(before.Text, page.Current!.Text);
        return View("Reaffirm", new ReaffirmPage(page, member, token, new PointsPage(page, before, page.Current, diff)));
    }

    [HttpPost("/coalitions/" + SlugPattern + "/reaffirm/{token}")]
    public async Task<IActionResult> ReaffirmPost(string slug, string token, int versionNumber, string? signerName, [FromServices] SignPointsOfUnity sign, CancellationToken cancellationToken)
    {
        if (links.ReadReaffirm(token) is not { } memberId)
        {
            return View("LinkExpired");
        }

        var result = await sign.ReaffirmAsync(slug, memberId, versionNumber, signerName, cancellationToken);
        TempData["Notice"] = result == SignResult.Signed ? T["Thank you. Your organisation endorses the current points of unity."].Value : Message(result);
        return result == SignResult.NotFound ? View("LinkExpired") : Redirect($"/coalitions/{slug}");
    }

    [HttpGet("/coalitions/" + SlugPattern + "/actions/{id:guid}")]
    public async Task<IActionResult> JointAction(string slug, Guid id, string? via, [FromServices] ReadJointAction actions, CancellationToken cancellationToken)
    {
        if (await read.HandleAsync(slug, false, cancellationToken) is not { } page || page.JointActions.All(a => a.Id != id)
            || await actions.TotalsAsync(id, cancellationToken) is not { } totals)
        {
            return NotFound();
        }

        return View("JointAction", new JointActionPage(page, totals, new JoinForm { Via = via }, ConsentText(totals, via)));
    }

    [HttpPost("/coalitions/" + SlugPattern + "/actions/{id:guid}/join")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> Join(string slug, Guid id, JoinForm form, [FromServices] ReadJointAction actions, [FromServices] JoinJointAction join, CancellationToken cancellationToken)
    {
        if (await actions.TotalsAsync(id, cancellationToken) is not { } totals || await read.HandleAsync(slug, false, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("JointAction", new JointActionPage(page, totals, form, ConsentText(totals, form.Via)));
        }

        var consent = form.ShareWithAllSponsors ? ConsentText(totals, form.Via).All : ConsentText(totals, form.Via).One;
        if (!await join.HandleAsync(slug, id, form, consent, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = T["Thank you for joining."].Value;
        return Redirect($"/coalitions/{slug}/actions/{id}" + (string.IsNullOrEmpty(form.Via) ? "" : "?via=" + Uri.EscapeDataString(form.Via)));
    }

    private static string Language() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && CampaignsLocalization.Cultures.Contains(l) ? l : "en";

    private ConsentTexts ConsentText(JointActionTotals totals, string? via)
    {
        var through = totals.Sponsors.FirstOrDefault(s => s.Slug == via)?.Name;
        return new ConsentTexts(
            through is null
                ? T["I agree that the coalition may contact me about this action."].Value
                : T["I agree that {0} may contact me about this action.", through].Value,
            T["I also agree that every co-sponsoring organisation ({0}) may contact me.", string.Join(", ", totals.Sponsors.Select(s => s.Name))].Value);
    }

    private string Message(SignResult result) => result switch
    {
        SignResult.OldVersion => T["The points of unity changed while you were reading. Please read the current version and sign it."].Value,
        SignResult.AlreadySigned => T["This organisation has already signed this version."].Value,
        SignResult.UseReaffirmLink => T["This organisation signed an earlier version. Its signatory received a link to re-affirm the current one."].Value,
        SignResult.InvalidName => T["Enter the name of the organisation."].Value,
        _ => T["This coalition is not open for signatures."].Value,
    };
}

public sealed record PointsPage(CoalitionPage Page, VersionRow? Before, VersionRow? After, IReadOnlyList<DiffSegment> Diff);

public sealed record SignPage(CoalitionPage Page, SignForm Form);

public sealed record ReaffirmPage(CoalitionPage Page, MemberRow Member, string Token, PointsPage Changes);

public sealed record ConsentTexts(string One, string All);

public sealed record JointActionPage(CoalitionPage Page, JointActionTotals Totals, JoinForm Form, ConsentTexts Consent);

public sealed record SponsorPage(JointActionTotals Totals, Guid MemberId, string MemberName, IReadOnlyList<SupporterRow> Supporters);
