using System.Globalization;
using System.Text;
using Campaigns.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Admin.Audit;

public sealed class AuditFilter
{
    /// <summary>Part of the user's email.</summary>
    public string? User { get; set; }

    public string? RecordType { get; set; }

    public Guid? RecordId { get; set; }

    public DateOnly? From { get; set; }

    /// <summary>Inclusive: the whole day.</summary>
    public DateOnly? To { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record AuditRow(DateTimeOffset At, string? UserEmail, Guid? UserId, string Action, string RecordType, Guid RecordId, string? Detail, string? IpAddress);

public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<AuditRow> Rows, int Total, int PageSize);

/// <summary>Reads the append-only audit log for Admins: a filtered page, or everything filtered as CSV.</summary>
public sealed class ReadAuditLog(CampaignsDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> PageAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Page = Math.Max(1, filter.Page);
        var query = Query(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip((filter.Page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditPage(filter, rows, total, PageSize);
    }

    public async Task WriteCsvAsync(AuditFilter filter, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync("at,user_email,user_id,action,record_type,record_id,detail,ip_address");
        await foreach (var r in Query(filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',',
                Csv(r.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), Csv(r.UserEmail), Csv(r.UserId?.ToString()),
                Csv(r.Action), Csv(r.RecordType), Csv(r.RecordId.ToString()), Csv(r.Detail), Csv(r.IpAddress)));
        }
    }

    private IQueryable<AuditRow> Query(AuditFilter filter)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim().ToUpperInvariant();
            entries = entries.Where(e => db.Users.Any(u => u.Id == e.UserId && u.NormalizedEmail!.Contains(user)));
        }

        if (!string.IsNullOrWhiteSpace(filter.RecordType))
        {
            entries = entries.Where(e => e.RecordType == filter.RecordType);
        }

        if (filter.RecordId is { } recordId)
        {
            entries = entries.Where(e => e.RecordId == recordId);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }

        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(e.At, db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault(), e.UserId, e.Action, e.RecordType, e.RecordId, e.Detail, e.IpAddress));
    }

    // Quoted always; a leading formula character is defused so a spreadsheet never runs a cell.
    private static string Csv(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
