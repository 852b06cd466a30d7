using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Alerts.Admin;

/// <summary>What went wrong with a send, in words a coordinator can act on, never an exception's text.</summary>
public static partial class SendProblems
{
    /// <summary>What the chunk job writes on a row whose reader left before it was sent: not a delivery problem.</summary>
    public const string ClosedBeforeSending = "Unsubscribed, paused or suppressed before sending";

    /// <summary>Why a whole send is stuck, as the chunk job classified it.</summary>
    public static string Describe(Domain.Alerts.SendProblem problem, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return problem switch
        {
            Domain.Alerts.SendProblem.NoMailServer => localizer["no mail server is configured"],
            Domain.Alerts.SendProblem.LoginRefused => localizer["the mail server refused the login"],
            Domain.Alerts.SendProblem.ServerUnreachable => localizer["the mail server could not be reached"],
            Domain.Alerts.SendProblem.ServerTimeout => localizer["the mail server did not answer in time"],
            Domain.Alerts.SendProblem.ServerRefused => localizer["the mail server refused the messages"],
            _ => localizer["the messages could not be sent, for a reason the mail server did not explain"],
        };
    }

    /// <summary>A delivery row's last error (an SMTP reply such as "550 ...", or "Gave up after 4 tries: ...") in words.</summary>
    public static string Describe(string lastError, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(lastError);
        ArgumentNullException.ThrowIfNull(localizer);
        if (ReplyCode().Match(lastError) is { Success: true } reply)
        {
            return reply.Value switch
            {
                "550" or "551" or "553" => localizer["the mail server says the mailbox does not exist (reply {0})", reply.Value],
                "530" or "534" or "535" => localizer["the mail server refused the login"],
                _ => localizer["the mail server refused the message (reply {0})", reply.Value],
            };
        }

        if (lastError.Contains("timed out", StringComparison.OrdinalIgnoreCase) || lastError.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            return localizer["the mail server did not answer in time"];
        }

        if (lastError.Contains("refused", StringComparison.OrdinalIgnoreCase) || lastError.Contains("unreachable", StringComparison.OrdinalIgnoreCase)
            || lastError.Contains("host", StringComparison.OrdinalIgnoreCase) || lastError.Contains("not connected", StringComparison.OrdinalIgnoreCase))
        {
            return localizer["the mail server could not be reached"];
        }

        return localizer["the mail server failed to take the message, several times"];
    }

    [GeneratedRegex("^[45][0-9][0-9](?= |$)")]
    private static partial Regex ReplyCode();
}
