using System.Net.Sockets;
using System.Text.RegularExpressions;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Infrastructure.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>
/// How one worker of an alert chunk hands over its messages, one after another: over one pooled SMTP connection,
/// or into the pickup folder, as <c>Email:Delivery</c> says. Everything else in the chunk (claiming, marking sent,
/// DKIM) is the same for both.
/// </summary>
public interface IAlertMailSession : IAsyncDisposable
{
    /// <summary>Delivers one message, or finds it already delivered by an earlier run.</summary>
    /// <returns>Null when delivered; the reason when this message (this recipient) is refused for good.</returns>
    /// <exception cref="MailServerProblemException">No message can get through at all for now: the chunk stops.</exception>
    Task<string?> SendAsync(MimeMessage message, Guid deliveryId, CancellationToken cancellationToken);
}

/// <summary>Opens the session each chunk worker uses, from the configured delivery.</summary>
public sealed class AlertMailSessions(
    IOptions<EmailOptions> emailOptions,
    IOptions<AlertsOptions> alertOptions,
    PickupFolder pickup,
    ILogger<AlertMailSessions> logger)
{
    /// <param name="startedAt">When the send started: the time part of its pickup file names, the same on every run.</param>
    public IAlertMailSession Open(DateTimeOffset startedAt) => emailOptions.Value.Delivery == EmailDelivery.Smtp
        ? new SmtpAlertMailSession(emailOptions.Value, alertOptions.Value, logger)
        : new PickupAlertMailSession(pickup.Path, startedAt);
}

/// <summary>
/// One SMTP connection kept open for the whole chunk (NoDelay socket, see <see cref="SmtpEmailTransport"/>).
/// A message refused for good is that recipient's failure; a server that cannot be reached, refuses the login or
/// keeps dropping the connection is the whole send's problem, and the message stays unsent for a later run.
/// </summary>
internal sealed class SmtpAlertMailSession(EmailOptions settings, AlertsOptions options, ILogger logger) : IAlertMailSession
{
    private readonly SmtpClient smtp = new() { Timeout = settings.TimeoutSeconds * 1000 };

    public async Task<string?> SendAsync(MimeMessage message, Guid deliveryId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new MailServerProblemException(SendProblem.NoMailServer, "Email:Host is not set.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var connecting = !smtp.IsConnected;
            try
            {
                if (connecting)
                {
                    await SmtpEmailTransport.ConnectAsync(smtp, settings, cancellationToken);
                    if (!string.IsNullOrEmpty(settings.UserName))
                    {
                        await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
                    }
                }

                // A message once started is finished (the client timeout bounds it): cancelling mid-DATA could leave
                // the server holding a message this run never marked, which the next run would send again.
                await smtp.SendAsync(message, CancellationToken.None);
                return null;
            }
            catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.SenderNotAccepted && (int)ex.StatusCode >= 500)
            {
                // Our own From refused: every message would be, and it says nothing about the recipient.
                throw new MailServerProblemException(SendProblem.ServerRefused, MailServerProblemException.Describe(ex), ex);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                // A permanent refusal of this message or mailbox: trying again gives the same answer.
                return $"{(int)ex.StatusCode} {ex.Message}";
            }
            catch (Exception ex) when (ex is AuthenticationException or SslHandshakeException or ArgumentException)
            {
                // The same credentials, certificate or host name give the same answer on every try.
                throw new MailServerProblemException(MailServerProblemException.Classify(ex), MailServerProblemException.Describe(ex), ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && IsTransient(ex))
            {
                if (attempt >= options.MaxAttempts)
                {
                    // A server that answers but keeps putting this one message off: that message's failure.
                    // Anything on the connection itself stops the send instead, without losing the message.
                    if (ex is SmtpCommandException && !connecting)
                    {
                        return $"Gave up after {attempt} tries: {ex.Message}";
                    }

                    throw new MailServerProblemException(MailServerProblemException.Classify(ex), MailServerProblemException.Describe(ex), ex);
                }

                logger.LogInformation("SMTP try {Attempt} failed ({Error}); retrying", attempt, ex.GetType().Name);
                await DisconnectAsync(quit: false);

                // Real time, not the injectable clock: this is a pause on the wire, not a business rule.
                await Task.Delay(options.RetryDelay * Math.Pow(2, attempt - 1), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(quit: true);
        smtp.Dispose();
    }

    private async Task DisconnectAsync(bool quit)
    {
        if (!smtp.IsConnected)
        {
            return;
        }

        try
        {
            await smtp.DisconnectAsync(quit, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
        {
            logger.LogDebug(ex, "SMTP disconnect failed");
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is IOException or SocketException or MailKit.ProtocolException or MailKit.CommandException or MailKit.ServiceNotConnectedException or TimeoutException;
}

/// <summary>
/// The embedded default: one .eml per delivery in the folder /admin/outbox lists. The name comes from the delivery
/// id, so a run that was stopped after writing a file but before marking the row finds the file and writes no
/// second one. Each file is written aside and moved into place, so the outbox never shows half a message.
/// </summary>
internal sealed class PickupAlertMailSession(string folder, DateTimeOffset startedAt) : IAlertMailSession
{
    private bool created;

    public static string FileName(DateTimeOffset startedAt, Guid deliveryId) =>
        $"{startedAt.UtcDateTime:yyyyMMddTHHmmssfff}-alert-{deliveryId:N}.eml";

    public async Task<string?> SendAsync(MimeMessage message, Guid deliveryId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName(startedAt, deliveryId));
        try
        {
            if (!created)
            {
                Directory.CreateDirectory(folder);
                created = true;
            }

            if (File.Exists(path))
            {
                return null;
            }

            // A name of its own: two runs racing on the same row each write their own file, and one move wins.
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await message.WriteToAsync(temporary, CancellationToken.None);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full disk or a folder we may not write: no message can go until someone fixes it.
            throw new MailServerProblemException(SendProblem.Other, MailServerProblemException.Describe(ex), ex);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>No message of a chunk can be delivered for now, for a reason the coordinator is told.</summary>
public sealed partial class MailServerProblemException(SendProblem problem, string detail, Exception? inner = null)
    : Exception(detail, inner)
{
    public SendProblem Problem { get; } = problem;

    /// <summary>What a coordinator or an administrator can act on, from the exception MailKit or the socket threw.</summary>
    public static SendProblem Classify(Exception ex) => ex switch
    {
        AuthenticationException => SendProblem.LoginRefused,
        ArgumentException => SendProblem.NoMailServer,
        TimeoutException or OperationCanceledException => SendProblem.ServerTimeout,
        SocketException { SocketErrorCode: SocketError.TimedOut } => SendProblem.ServerTimeout,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
            or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable
            or SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.HostDown or SocketError.NetworkDown } => SendProblem.ServerUnreachable,
        SslHandshakeException or SmtpCommandException or SmtpProtocolException => SendProblem.ServerRefused,
        MailKit.ServiceNotConnectedException => SendProblem.ServerUnreachable,
        IOException { InnerException: { } inner } => Classify(inner) is var p && p != SendProblem.Other ? p : SendProblem.ServerUnreachable,
        IOException => SendProblem.ServerUnreachable,
        _ => SendProblem.Other,
    };

    /// <summary>The technical reason, for the send's record: type, socket code or SMTP status, message; no addresses.</summary>
    public static string Describe(Exception ex)
    {
        var code = ex switch
        {
            SocketException s => $" ({s.SocketErrorCode})",
            SmtpCommandException c => $" ({(int)c.StatusCode} {c.ErrorCode})",
            _ => "",
        };
        var text = $"{ex.GetType().Name}{code}: {ex.Message}";
        if (ex.InnerException is { } inner && !ReferenceEquals(inner, ex))
        {
            text += $" <- {inner.GetType().Name}: {inner.Message}";
        }

        text = Address().Replace(text, "[address]");
        return text.Length > 1000 ? text[..1000] : text;
    }

    [GeneratedRegex(@"[^\s<>""'@]+@[^\s<>""'@]+")]
    private static partial Regex Address();
}
