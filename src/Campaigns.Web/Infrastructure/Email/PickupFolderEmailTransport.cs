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
}
