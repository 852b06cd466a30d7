using MimeKit;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>Hands a finished message to the outside world: an SMTP server or the pickup folder.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
