using System.Data.Common;
using Campaigns.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Campaigns.Web.Infrastructure.Protection;

/// <summary>
/// Rewrites every protected value not under the current key: values under an older key after a rotation, and
/// plaintext left from before protection (a migration has no key, so it cannot encrypt). Works on the raw columns
/// with plain SQL, because through EF the converter would hide what is stored. Each row is updated only if it still
/// holds what was read, so two runs at once, or a run racing an edit, lose nothing; run it as often as you like.
/// </summary>
public sealed class ReencryptProtectedFieldsJob(CampaignsDbContext db, FieldCipher cipher, ILogger<ReencryptProtectedFieldsJob> logger)
{
    public const string Id = "reencrypt-protected-fields";

    private const int BatchSize = 500;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var property in ProtectedFields.All(db.Model))
        {
            total += await RewriteAsync(property, cancellationToken);
        }

        if (total > 0)
        {
            logger.LogInformation("Re-encrypted {Count} protected values under key {KeyId}", total, cipher.CurrentKeyId);
        }
    }

    private async Task<int> RewriteAsync(IProperty property, CancellationToken cancellationToken)
    {
        var entity = property.DeclaringType.ContainingEntityType;
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var keyColumn = Quote(key.GetColumnName(store)!);
        var column = Quote(property.GetColumnName(store)!);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            var rewritten = 0;
            while (true)
            {
                // Rows due: non-empty and not under the current key. The prefix test runs in SQL so a finished table
                // costs one indexless scan and no transfer.
                var due = new List<(object Key, string Value)>();
                await using (var select = connection.CreateCommand())
                {
                    select.CommandText =
                        $"SELECT {keyColumn}, {column} FROM {Quote(table)} WHERE {column} IS NOT NULL AND {column} <> '' " +
                        $"AND substr({column}, 1, {cipher.CurrentPrefix.Length}) <> @prefix LIMIT {BatchSize}";
                    AddParameter(select, "@prefix", cipher.CurrentPrefix);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        due.Add((reader.GetValue(0), reader.GetString(1)));
                    }
                }

                if (due.Count == 0)
                {
                    return rewritten;
                }

                var changed = 0;
                foreach (var (id, value) in due)
                {
                    await using var update = connection.CreateCommand();
                    update.CommandText = $"UPDATE {Quote(table)} SET {column} = @new WHERE {keyColumn} = @id AND {column} = @old";
                    AddParameter(update, "@new", cipher.Protect(cipher.Unprotect(value)));
                    AddParameter(update, "@id", id);
                    AddParameter(update, "@old", value);
                    changed += await update.ExecuteNonQueryAsync(cancellationToken);
                }

                rewritten += changed;
                if (changed == 0)
                {
                    // Everything read was changed by someone else meanwhile; the next run picks up what is left.
                    return rewritten;
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
