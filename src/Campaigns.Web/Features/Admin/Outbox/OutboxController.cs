using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Admin.Outbox;

[Authorize(Policy = Policies.Admin)]
[Route("admin/outbox")]
public sealed class OutboxController(ReadOutbox outbox) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await outbox.ListAsync(cancellationToken));

    [HttpGet("{name}")]
    public async Task<IActionResult> Show(string name, CancellationToken cancellationToken) =>
        await outbox.FindAsync(name, cancellationToken) is { } message ? View(message) : NotFound();
}
