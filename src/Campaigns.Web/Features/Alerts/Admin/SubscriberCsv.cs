using System.Globalization;
using System.Net.Mail;
using System.Text;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Subscribing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Web.Features.Alerts.Admin;

/// <summary>
/// Subscribers in and out as CSV: email,name,language,interests,consent_text,consent_at,consent_ip (interests
/// separated by ';'). Only rows with recorded consent (its text and time) come in; imported people are confirmed
/// because that consent was; existing addresses and suppressed ones are left alone.
/// </summary>
public sealed class SubscriberCsv(CampaignsDbContext db, TimeProvider clock, ILogger<SubscriberCsv> logger)
{
    public const string Header = "email,name,language,interests,consent_text,consent_at,consent_ip";

    public async Task<CsvImportResult> ImportAsync(Stream csv, bool commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var errors = new List<string>();
        var rows = new List<AlertSubscriber>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        using var reader = new StreamReader(csv, Encoding.UTF8);
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (line == 1 && text.StartsWith("email", StringComparison.OrdinalIgnoreCase) || text.Length == 0)
            {
                continue;
            }

            var f = Split(text);
            string Field(int i) => i < f.Count ? f[i].Trim() : "";
            var email = Subscribe.Normalise(Field(0));
            var language = Field(2).Length == 0 ? "en" : Field(2).ToLowerInvariant();
            if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            {
                errors.Add($"{line}: invalid email");
            }
            else if (!seen.Add(email))
            {
                errors.Add($"{line}: duplicate email in the file");
            }
            else if (language is not ("en" or "es" or "fr"))
            {
                errors.Add($"{line}: language must be en, es or fr");
            }
            else if (Field(4).Length == 0 || !DateTimeOffset.TryParse(Field(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var consentAt))
            {
                errors.Add($"{line}: no recorded consent (consent_text and consent_at are required)");
            }
            else
            {
                rows.Add(new AlertSubscriber
                {
                    Id = Guid.CreateVersion7(now),
                    Email = email,
                    Name = Field(1).Length == 0 ? null : Field(1),
                    Language = language,
                    Interests = TagList.From(Field(3).Split(';')),
                    Status = SubscriberStatus.Active,
                    CreatedAt = now,
                    ConfirmedAt = consentAt.ToUniversalTime(),
                    ConsentText = Field(4),
                    ConsentAt = consentAt.ToUniversalTime(),
                    ConsentIp = Field(6).Length == 0 ? null : Field(6),
                    Source = "import",
                });
            }
        }

        var existing = new HashSet<string>(await db.AlertSubscribers.Select(s => s.Email).ToListAsync(cancellationToken), StringComparer.Ordinal);
        existing.UnionWith(await db.SuppressedAddresses.Select(s => s.Email).ToListAsync(cancellationToken));

        // People who asked to be forgotten are kept as a hash; only consent given after that brings them back.
        var erased = await db.SuppressedAddresses.Where(s => s.Reason == SuppressionReason.Erased).ToDictionaryAsync(s => s.Email, s => s.CreatedAt, cancellationToken);
        var fresh = rows.Where(r => !existing.Contains(r.Email)
            && !(erased.TryGetValue(Domain.Privacy.ErasureRecord.HashOf(r.Email), out var erasedAt) && r.ConsentAt <= erasedAt)).ToList();
        if (commit && fresh.Count > 0)
        {
            await InsertAsync(fresh, cancellationToken);
            logger.LogInformation("Imported {Count} subscribers", fresh.Count);
        }

        return new CsvImportResult(rows.Count, fresh.Count, rows.Count - fresh.Count, errors, commit);
    }

    private async Task InsertAsync(List<AlertSubscriber> rows, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            // COPY: a hundred thousand rows in a second or two, where row-by-row inserts take minutes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var importer = await connection.BeginBinaryImportAsync(
                    "COPY alert_subscribers (\"Id\", \"Email\", \"Name\", \"Language\", \"Interests\", \"Status\", \"CreatedAt\", \"ConfirmedAt\", \"ConsentText\", \"ConsentAt\", \"ConsentIp\", \"Source\") FROM STDIN (FORMAT BINARY)",
                    cancellationToken);
                foreach (var r in rows)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(r.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await importer.WriteAsync(r.Email, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync((object?)r.Name ?? DBNull.Value, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(r.Language, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(r.Interests, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(r.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await importer.WriteAsync(r.ConfirmedAt!.Value, NpgsqlDbType.TimestampTz, cancellationToken);
                    await importer.WriteAsync(r.ConsentText, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(r.ConsentAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await importer.WriteAsync((object?)r.ConsentIp ?? DBNull.Value, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(r.Source, NpgsqlDbType.Varchar, cancellationToken);
                }

                await importer.CompleteAsync(cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return;
        }

        db.AlertSubscribers.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ExportAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 65536);
        await writer.WriteLineAsync(Header + ",status");
        await foreach (var s in db.AlertSubscribers.AsNoTracking().OrderBy(s => s.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',',
                Quote(s.Email), Quote(s.Name ?? ""), s.Language, Quote(string.Join(';', TagList.Parse(s.Interests))), Quote(s.ConsentText),
                s.ConsentAt.ToString("O", CultureInfo.InvariantCulture), Quote(s.ConsentIp ?? ""), s.Status.ToString()));
        }
    }

    private static string Quote(string value)
    {
        // A leading =, +, - or @ would run as a formula in a spreadsheet.
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}

public sealed record CsvImportResult(int Valid, int New, int AlreadyKnown, IReadOnlyList<string> Errors, bool Committed);
