using System.Globalization;
using System.Text;
using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Campaigns.Web.Features.Accounts;

/// <summary>The three account emails: confirm an address, reset a password, accept an invitation.</summary>
public sealed class SendAccountEmail(UserManager<CampaignsUser> users, EmailQueue emails, AccountLinks links)
{
    public async Task ConfirmationAsync(CampaignsUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        await QueueAsync(user, "Confirm your email address", "Accounts/Emails/ConfirmEmail", links.Make("/account/confirm-email", user.Id, code), "account-confirm", cancellationToken);
    }

    public async Task PasswordResetAsync(CampaignsUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await QueueAsync(user, "Reset your password", "Accounts/Emails/ResetPassword", links.Make("/account/reset-password", user.Id, code), "account-reset", cancellationToken);
    }

    public async Task InvitationAsync(CampaignsUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose));
        await QueueAsync(user, "You are invited to Campaigns", "Accounts/Emails/Invitation", links.Make("/account/accept-invitation", user.Id, code), "account-invitation", cancellationToken);
    }

    public Task SignInNoticeAsync(CampaignsUser user, string freezeToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var link = links.Make("/account/freeze", new Dictionary<string, string?> { ["token"] = freezeToken });
        return QueueAsync(user, "New sign-in to your account", "Accounts/Emails/SignInNotice", link, "account-signin-notice", cancellationToken);
    }

    public static string Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private Task QueueAsync(CampaignsUser user, string subject, string template, string link, string kind, CancellationToken cancellationToken) =>
        emails.QueueAsync(
            new EmailMessage(user.Email!, user.DisplayName, subject, template, new AccountEmailModel(user.DisplayName, link), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName),
            kind,
            cancellationToken);
}
