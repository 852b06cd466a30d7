using Campaigns.Web.Infrastructure.Email;

namespace Campaigns.Web.Features.Privacy;

/// <summary>
/// Emails a privacy link to an address, if we hold anything about it. The visitor sees the same answer either way,
/// so the form tells nobody whether an address is known to us; only the mailbox's owner learns it.
/// </summary>
public sealed class RequestPrivacyLink(PersonalData data, PrivacyLinks links, EmailQueue emails, ILogger<RequestPrivacyLink> logger)
{
    public async Task HandleAsync(string email, string culture, CancellationToken cancellationToken)
    {
        var address = PrivacyLinks.Normalise(email);
        if (!await data.HoldsAnythingAsync(address, cancellationToken))
        {
            logger.LogInformation("Privacy link asked for an address we hold nothing about");
            return;
        }

        await emails.QueueAsync(
            new EmailMessage(address, null, "Your data with us", "Privacy/Emails/PrivacyLink", new PrivacyLinkModel(links.Url(links.Token(address))), culture),
            "privacy-link",
            cancellationToken);
    }
}

public sealed record PrivacyLinkModel(string Link);
