using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>The embedded default: each message becomes an .eml file that /admin/outbox lists.</summary>
public sealed class PickupFolderEmailTransport(PickupFolder folder) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder.Path);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(folder.Path, name + ".tmp");

        // Written aside and moved, so the outbox never shows half a message.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder.Path, name));
    }
}

/// <summary>Where pickup mail is written, resolved against the content root.</summary>
public sealed class PickupFolder(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    public string Path { get; } = System.IO.Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    /// <summary>
    /// Deletes every message in the folder addressed to this address (To, Cc or Bcc), and files half written to it
    /// by a run that was stopped; other people's mail is left as it is. For erasure: the folder is the embedded
    /// default's mail server, and what it holds names the person.
    /// </summary>
    /// <returns>How many files were deleted.</returns>
    public async Task<int> DeleteMailToAsync(string address, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            if (!file.EndsWith(".eml", StringComparison.Ordinal) && !file.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            HeaderList headers;
            try
            {
                headers = await HeaderList.LoadAsync(file, cancellationToken);
            }
            catch (Exception ex) when (ex is FormatException or IOException)
            {
                // Gone meanwhile, or cut off before its headers ended: nothing in it names anyone yet.
                continue;
            }

            var addressed = headers.Where(h => h.Id is HeaderId.To or HeaderId.Cc or HeaderId.Bcc)
                .SelectMany(h => InternetAddressList.TryParse(h.Value, out var list) ? list.Mailboxes : [])
                .Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));
            if (addressed)
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }
}
