using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>Identity's messages that can reach a form, in the visitor's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = localizer["The current password is not right."] };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = localizer["This link no longer works"] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = localizer["An account with this email address already exists."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = localizer["An account with this email address already exists."] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = localizer["Enter a valid email address."] };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = localizer["Use at least {0} characters. A few unrelated words make a strong password.", length] };
}
