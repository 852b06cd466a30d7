using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Alerts.Admin.Topics;

/// <summary>The issues and regions subscribers choose from, kept by the coordinators.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("admin/alerts/topics")]
public sealed class AlertTopicsController(CampaignsDbContext db, SaveTopic save, IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View("Topics", await PageAsync(new TopicForm(), cancellationToken));

    [HttpPost("")]
    public Task<IActionResult> Add(TopicForm form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Rename(Guid id, TopicForm form, CancellationToken cancellationToken) => SaveAsync(id, form, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid? id, TopicForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await save.HandleAsync(id, form, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError("", T[refusal]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Topics", await PageAsync(form, cancellationToken));
        }

        TempData["Notice"] = T["The list of topics is saved."].Value;
        return Redirect("/admin/alerts/topics");
    }

    private async Task<TopicsPage> PageAsync(TopicForm form, CancellationToken cancellationToken) =>
        new(await db.AlertTopics.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new TopicRow(t.Id, t.Code, t.Name, t.Kind)).ToListAsync(cancellationToken), form);
}

public sealed record TopicRow(Guid Id, string Code, string Name, TopicKind Kind);

public sealed record TopicsPage(IReadOnlyList<TopicRow> Topics, TopicForm Form);
