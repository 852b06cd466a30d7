using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Identity;

namespace Campaigns.Web.Features.Accounts;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RegisterForm
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200)]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(PasswordPolicy.MaximumLength)]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";
}

public sealed class EmailForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}

/// <summary>Setting a password from a link: a password reset or an accepted invitation.</summary>
public sealed class SetPasswordForm
{
    [Required]
    public Guid UserId { get; set; }

    [Required]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(PasswordPolicy.MaximumLength)]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(PasswordPolicy.MaximumLength)]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";
}

public sealed record ConfirmEmailModel(Guid UserId, string Code);

public sealed record AccountEmailModel(string DisplayName, string Link);

public sealed record FreezeModel(string Token);
