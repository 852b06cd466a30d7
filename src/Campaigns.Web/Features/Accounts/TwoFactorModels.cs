using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Accounts;

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool Required);

/// <summary>The key both as text to type (groups of four) and as an otpauth:// URI, with its QR code as SVG.</summary>
public sealed record AuthenticatorSetup(string? GroupedKey, string? Uri, string? QrSvg, bool Required);

public sealed record RecoveryCodesModel(IReadOnlyList<string> Codes);

public sealed class AuthenticatorCodeForm
{
    [Required(ErrorMessage = "Enter the code from your authenticator app.")]
    [StringLength(20)]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = "";
}

public sealed class DisableTwoFactorForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";
}

/// <summary>The second step of signing in: a code from the app, or one of the recovery codes.</summary>
public sealed class TwoFactorSignInForm
{
    [Required(ErrorMessage = "Enter a code.")]
    [StringLength(40)]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    [Display(Name = "Don't ask for a code on this device for 14 days")]
    public bool RememberDevice { get; set; }

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
