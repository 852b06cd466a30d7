using MailKit.Net.Smtp;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>Fails start with one line when the configured SMTP server does not answer, instead of failing every send later.</summary>
public sealed class SmtpStartupCheck(IOptions<EmailOptions> options)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Delivery != EmailDelivery.Smtp)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var client = new SmtpClient();
        try
        {
            await SmtpEmailTransport.ConnectAsync(client, settings, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new StartupException(
                $"Email:Host/Email:Port: cannot reach the SMTP server {settings.Host}:{settings.Port} ({ex.Message.Split('\n')[0].Trim()}).", ex);
        }
    }
}
