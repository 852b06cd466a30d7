using System.Globalization;
using System.Text.Json;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Subscribing;
using Campaigns.Web.Features.Home;
using Campaigns.Web.Infrastructure.Localization;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Alerts;

/// <summary>The alert network's public side: urgent actions, subscribing, and the signed links in its emails.</summary>
[AllowAnonymous]
public sealed class AlertsController(
    ListLiveProgrammes programmes,
    CampaignsDbContext db,
    AlertLinks links,
    ManageSubscription manage,
    IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("/alerts")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await programmes.UrgentActionsAsync(null, cancellationToken));

    [HttpGet("/alerts/subscribe")]
    public async Task<IActionResult> Subscribe(CancellationToken cancellationToken) =>
        View("Subscribe", await SubscribePageAsync(new SubscribeForm { Language = CurrentLanguage() }, cancellationToken));

    [HttpPost("/alerts/subscribe")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> SubscribePost(SubscribeForm form, [FromServices] Subscribe subscribe, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Subscribe", await SubscribePageAsync(form, cancellationToken));
        }

        await subscribe.HandleAsync(form, ConsentText(), HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return Redirect("/alerts/subscribe/check-email");
    }

    [HttpGet("/alerts/subscribe/check-email")]
    public IActionResult CheckEmail() => View("CheckEmail");

    /// <summary>Opening the link changes nothing (mail scanners open links); the button on the page confirms.</summary>
    [HttpGet("/alerts/confirm/{token}")]
    public IActionResult Confirm(string token) =>
        links.ReadConfirm(token) is null ? View("LinkExpired") : View("Confirm", token);

    [HttpPost("/alerts/confirm/{token}")]
    public async Task<IActionResult> ConfirmPost(string token, CancellationToken cancellationToken)
    {
        if (links.ReadConfirm(token) is not { } id || !await manage.ConfirmAsync(id, cancellationToken))
        {
            return View("LinkExpired");
        }

        return View("Confirmed", links.ManageToken(id));
    }

    [HttpGet("/alerts/preferences/{token}")]
    public async Task<IActionResult> Preferences(string token, CancellationToken cancellationToken)
    {
        if (links.ReadManage(token) is not { } id)
        {
            return View("LinkExpired");
        }

        var subscriber = await db.AlertSubscribers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Email, s.Language, s.Interests, s.Status }).SingleOrDefaultAsync(cancellationToken);
        if (subscriber is null || subscriber.Status == SubscriberStatus.Unsubscribed)
        {
            return View("Unsubscribed");
        }

        var form = new PreferencesForm { Language = subscriber.Language, Interests = TagList.Parse(subscriber.Interests).ToList() };
        return View("Preferences", new PreferencesPage(token, subscriber.Email, form, subscriber.Status == SubscriberStatus.Paused, await TopicsAsync(cancellationToken)));
    }

    [HttpPost("/alerts/preferences/{token}")]
    public async Task<IActionResult> PreferencesPost(string token, PreferencesForm form, CancellationToken cancellationToken)
    {
        if (links.ReadManage(token) is not { } id)
        {
            return View("LinkExpired");
        }

        if (ModelState.IsValid && await manage.SavePreferencesAsync(id, form, cancellationToken))
        {
            TempData["Notice"] = T["Your preferences are saved."].Value;
        }

        return Redirect($"/alerts/preferences/{token}");
    }

    [HttpPost("/alerts/preferences/{token}/pause")]
    public async Task<IActionResult> Pause(string token, bool pause, CancellationToken cancellationToken)
    {
        if (links.ReadManage(token) is not { } id)
        {
            return View("LinkExpired");
        }

        await manage.PauseAsync(id, pause, cancellationToken);
        TempData["Notice"] = pause ? T["Alerts are paused. Resume them here at any time."].Value : T["Alerts are on again."].Value;
        return Redirect($"/alerts/preferences/{token}");
    }

    /// <summary>Everything held about this subscriber, as a file: reading, not changing, so a GET.</summary>
    [HttpGet("/alerts/preferences/{token}/data")]
    public async Task<IActionResult> Data(string token, CancellationToken cancellationToken)
    {
        if (links.ReadManage(token) is not { } id || await manage.ExportAsync(id, cancellationToken) is not { } data)
        {
            return View("LinkExpired");
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(data, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return File(json, "application/json", "my-alert-subscription.json");
    }

    /// <summary>A GET only asks: link checkers and previews open this URL, and opening must not unsubscribe.</summary>
    [HttpGet("/alerts/unsubscribe/{token}")]
    public IActionResult Unsubscribe(string token) =>
        links.ReadManage(token) is null ? View("LinkExpired") : View("Unsubscribe", token);

    /// <summary>
    /// RFC 8058 one-click unsubscribe: mail providers POST "List-Unsubscribe=One-Click" here with no cookie and no
    /// form token, so antiforgery cannot apply. The signed token in the URL is the authority; the same button on
    /// the confirmation page posts here too.
    /// </summary>
    [HttpPost("/alerts/unsubscribe/{token}")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribePost(string token, CancellationToken cancellationToken)
    {
        if (links.ReadManage(token) is not { } id || !await manage.UnsubscribeAsync(id, cancellationToken))
        {
            return View("LinkExpired");
        }

        return View("Unsubscribed");
    }

    [HttpGet("/alerts/{slug:regex(^[[a-z0-9-]]+$)}")]
    public async Task<IActionResult> Details(string slug, string? lang, string? s, string? via, [FromServices] ReadUrgentActionPage read, [FromServices] PlanLetters plans, CancellationToken cancellationToken) =>
        await DetailsViewAsync(slug, lang, s, via, read, plans, null, null, cancellationToken);

    /// <summary>
    /// One report per person, action and kind: the person is the subscriber of a personal link, else the signed-in
    /// account, else this browser (a signed cookie, handed out at a limited rate).
    /// </summary>
    [HttpPost("/alerts/{slug:regex(^[[a-z0-9-]]+$)}/act")]
    [EnableRateLimiting(AlertsServices.ActionReports)]
    public async Task<IActionResult> Act(
        string slug, ActionKind? kind, Guid? targetId, string? s, string? lang, string? via, [FromServices] TakeAction take, [FromServices] ActingBrowser browsers,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || kind is null)
        {
            TempData["Notice"] = T["Choose what you did: a letter, a call or a visit."].Value;
            return Redirect(DetailsUrl(slug, lang, s, via));
        }

        var subscriberId = links.ReadManage(s);
        var participant = subscriberId is { } subscriber ? Participant.Subscriber(subscriber)
            : NeedToKnow.UserId(User) is { } user ? Participant.User(user)
            : Participant.Browser(browsers.Read(HttpContext) ?? browsers.Issue(HttpContext));
        var result = await take.RecordAsync(slug, kind.Value, targetId, participant, subscriberId, via, cancellationToken);
        TempData["Notice"] = result switch
        {
            ActionResultKind.Recorded => T["Thank you. Your action is counted."].Value,
            ActionResultKind.Refused => T["Choose what you did: a letter, a call or a visit."].Value,
            _ => T["This action is closed."].Value,
        };
        return Redirect(DetailsUrl(slug, lang, s, via));
    }

    [HttpPost("/alerts/{slug:regex(^[[a-z0-9-]]+$)}/letter")]
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> Letter(
        string slug, string? s, string? lang, string? via, List<LetterDraft>? letters,
        [FromServices] TakeAction take, [FromServices] ReadUrgentActionPage read, [FromServices] PlanLetters plans, CancellationToken cancellationToken)
    {
        if (links.ReadManage(s) is not { } id)
        {
            return View("LinkExpired");
        }

        var language = lang is not null && CampaignsLocalization.Cultures.Contains(lang) ? lang : CurrentLanguage();
        var result = await take.SendLetterAsync(slug, id, language, letters ?? [], via, cancellationToken);
        if (result.Outcome == LetterOutcome.Invalid)
        {
            // The activist's edits stay in the box, with what to change above it.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await DetailsViewAsync(slug, lang, s, via, read, plans, letters, T[result.Problem!].Value, cancellationToken);
        }

        TempData["Notice"] = result.Outcome switch
        {
            LetterOutcome.Sent => T["Your letter is on its way to {0} recipients. A copy is in your inbox.", result.Count].Value,
            LetterOutcome.AlreadySent => T["Your letter was already sent."].Value,
            _ => T["This action is closed."].Value,
        };
        return Redirect(DetailsUrl(slug, lang, s, via));
    }

    private async Task<IActionResult> DetailsViewAsync(
        string slug, string? lang, string? s, string? via, ReadUrgentActionPage read, PlanLetters plans, List<LetterDraft>? drafts, string? problem, CancellationToken cancellationToken)
    {
        var language = lang is not null && CampaignsLocalization.Cultures.Contains(lang) ? lang : CurrentLanguage();
        var page = await read.HandleAsync(slug, language, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var subscriberId = links.ReadManage(s);
        var name = subscriberId is null ? null : await db.AlertSubscribers.Where(x => x.Id == subscriberId).Select(x => x.Name ?? x.Email).SingleOrDefaultAsync(cancellationToken);
        var letters = name is null || !page.IsOpen ? [] : await plans.HandleAsync(page.Id, language, cancellationToken);
        return View("Details", new UrgentActionView(page, name is null ? null : s, name, null)
        {
            Via = via is { Length: > 0 and <= 80 } ? via : null,
            Letters = letters,
            Drafts = drafts ?? [],
            LetterProblem = problem,
        });
    }

    private static string DetailsUrl(string slug, string? lang, string? token, string? via)
    {
        var query = new List<string>();
        if (lang is not null)
        {
            query.Add("lang=" + Uri.EscapeDataString(lang));
        }

        if (token is not null)
        {
            query.Add("s=" + Uri.EscapeDataString(token));
        }

        if (!string.IsNullOrWhiteSpace(via))
        {
            query.Add("via=" + Uri.EscapeDataString(via));
        }

        return $"/alerts/{slug}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    private static string CurrentLanguage() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && CampaignsLocalization.Cultures.Contains(l) ? l : "en";

    private string ConsentText() => T["I agree to receive urgent actions and updates by email. I can unsubscribe at any time with one click."].Value;

    private async Task<SubscribePage> SubscribePageAsync(SubscribeForm form, CancellationToken cancellationToken) =>
        new(form, await TopicsAsync(cancellationToken), ConsentText());

    private Task<List<TopicOption>> TopicsAsync(CancellationToken cancellationToken) =>
        db.AlertTopics.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Name).Select(t => new TopicOption(t.Code, t.Name, t.Kind)).ToListAsync(cancellationToken);
}
