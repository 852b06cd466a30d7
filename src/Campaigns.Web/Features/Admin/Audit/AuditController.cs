using System.Text;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Admin.Audit;

[Authorize(Policy = Policies.Admin)]
[Route("admin/audit")]
public sealed class AuditController(ReadAuditLog read) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken cancellationToken) =>
        View(await read.PageAsync(filter ?? new AuditFilter(), cancellationToken));

    [HttpGet("export")]
    public async Task Export([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"audit-log.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false));
        await read.WriteCsvAsync(filter ?? new AuditFilter(), writer, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }
}
