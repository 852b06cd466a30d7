using System.Collections.Frozen;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>Applies <see cref="PasswordPolicy"/>, with the blocklist shipped in common-passwords.txt.</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<CampaignsUser>
{
    private static readonly Lazy<FrozenSet<string>> Blocklist = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<CampaignsUser> manager, CampaignsUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var verdict = PasswordPolicy.Check(password ?? "", Blocklist.Value, user.Email, user.UserName, user.DisplayName);
        return Task.FromResult(verdict switch
        {
            PasswordVerdict.Acceptable => IdentityResult.Success,
            PasswordVerdict.TooShort => Fail("PasswordTooShort", localizer["Use at least {0} characters. A few unrelated words make a strong password.", PasswordPolicy.MinimumLength]),
            PasswordVerdict.TooLong => Fail("PasswordTooLong", localizer["Use at most {0} characters.", PasswordPolicy.MaximumLength]),
            PasswordVerdict.Common => Fail("PasswordCommon", localizer["This password is among the most commonly used ones; choose another."]),
            _ => Fail("PasswordPersonal", localizer["The password must not contain your name or email address."]),
        });
    }

    private static IdentityResult Fail(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly
            .GetManifestResourceStream("Campaigns.Web.Infrastructure.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
