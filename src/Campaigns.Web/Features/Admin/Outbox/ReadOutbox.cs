using Campaigns.Web.Infrastructure.Email;
using MimeKit;

namespace Campaigns.Web.Features.Admin.Outbox;

/// <summary>The embedded default's mail: what the pickup folder holds, newest first.</summary>
public sealed class ReadOutbox(PickupFolder folder)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<OutboxRow>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder.Path))
        {
            return [];
        }

        // File names start with the UTC time, so ordering by name is ordering by time.
        var files = Directory.EnumerateFiles(folder.Path, "*.eml").OrderDescending().Take(PageSize);
        var rows = new List<OutboxRow>();
        foreach (var file in files)
        {
            var headers = await HeaderList.LoadAsync(file, cancellationToken);
            rows.Add(new OutboxRow(Path.GetFileNameWithoutExtension(file), headers[HeaderId.To] ?? "", headers[HeaderId.Subject] ?? "", headers[HeaderId.Date] ?? ""));
        }

        return rows;
    }

    public async Task<OutboxMessage?> FindAsync(string name, CancellationToken cancellationToken)
    {
        // The name comes from the URL: only a bare file name of ours, never a path.
        if (name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            return null;
        }

        var file = Path.Combine(folder.Path, name + ".eml");
        if (!File.Exists(file))
        {
            return null;
        }

        var message = await MimeMessage.LoadAsync(file, cancellationToken);
        return new OutboxMessage(name, message.To.ToString(), message.From.ToString(), message.Subject ?? "", message.Date, message.HtmlBody, message.TextBody);
    }
}

public sealed record OutboxRow(string Name, string To, string Subject, string Date);

public sealed record OutboxMessage(string Name, string To, string From, string Subject, DateTimeOffset Date, string? HtmlBody, string? TextBody);
