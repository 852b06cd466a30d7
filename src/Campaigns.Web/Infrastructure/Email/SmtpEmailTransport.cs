using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.Web.Infrastructure.Email;

public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await ConnectAsync(client, settings, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>
    /// MailKit leaves Nagle's algorithm on; with delayed ACKs every message over a few KB then stalls ~40 ms.
    /// Connecting our own socket with NoDelay removes the stall.
    /// </summary>
    internal static async Task ConnectAsync(SmtpClient client, EmailOptions settings, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

        // The client's timeout covers the conversation, not the TCP connect to our own socket: a host that drops
        // packets would otherwise hold the connect for the operating system's minutes.
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            await socket.ConnectAsync(settings.Host!, settings.Port, connectTimeout.Token);
            await client.ConnectAsync(socket, settings.Host!, settings.Port, ToMailKit(settings.Security, settings.Port), cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"No answer from the SMTP server within {settings.TimeoutSeconds} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions ToMailKit(EmailSecurity security, int port) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.StartTls => SecureSocketOptions.StartTls,
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable,
    };
}
