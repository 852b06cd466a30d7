using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Campaigns.Web.Infrastructure.Email;

public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    /// <summary>Pickup writes .eml files (the embedded default, read at /admin/outbox); Smtp talks to a server.</summary>
    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    public string PickupDirectory { get; set; } = "App_Data/mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public EmailSecurity Security { get; set; } = EmailSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "campaigns@campaigns.localhost";

    [Required]
    public string FromName { get; set; } = "Campaigns";

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 30;

    public DkimOptions Dkim { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delivery == EmailDelivery.Smtp && string.IsNullOrWhiteSpace(Host))
        {
            yield return new ValidationResult("is required when Email:Delivery is Smtp.", [nameof(Host)]);
        }

        foreach (var (member, problem) in Dkim.Problems())
        {
            yield return new ValidationResult(problem, [member]);
        }
    }
}

public enum EmailDelivery
{
    Pickup,
    Smtp,
}

public enum EmailSecurity
{
    /// <summary>STARTTLS when the server offers it; implicit TLS on port 465.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

public static class EmailSecurityExtensions
{
    /// <summary>For SMTP and IMAP alike: Auto is implicit TLS on the protocol's TLS port, otherwise STARTTLS when offered.</summary>
    public static SecureSocketOptions ToMailKit(this EmailSecurity security, int port, int implicitTlsPort) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.StartTls => SecureSocketOptions.StartTls,
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => port == implicitTlsPort ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable,
    };
}
