namespace Campaigns.Web.Domain.Identity;

/// <summary>
/// OWASP ASVS 5.0 V6: length over composition. At least 12 characters, up to 128, any characters, and not one
/// that attackers try first.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    public static PasswordVerdict Check(string password, IReadOnlySet<string> commonPasswords, params string?[] personal)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(commonPasswords);
        if (password.Length < MinimumLength)
        {
            return PasswordVerdict.TooShort;
        }

        if (password.Length > MaximumLength)
        {
            return PasswordVerdict.TooLong;
        }

        var lowered = password.ToLowerInvariant();
        if (commonPasswords.Contains(lowered) || IsOneRepeatedUnit(lowered))
        {
            return PasswordVerdict.Common;
        }

        foreach (var item in personal)
        {
            var local = item?.Split('@')[0].ToLowerInvariant();
            if (local is { Length: >= 4 } && lowered.Contains(local, StringComparison.Ordinal))
            {
                return PasswordVerdict.ContainsPersonalData;
            }
        }

        return PasswordVerdict.Acceptable;
    }

    // "aaaaaaaaaaaa", "abcabcabcabc", "123412341234": long enough, guessed at once.
    private static bool IsOneRepeatedUnit(string password)
    {
        for (var unit = 1; unit <= password.Length / 2; unit++)
        {
            if (password.Length % unit != 0)
            {
                continue;
            }

            var repeated = true;
            for (var i = unit; i < password.Length && repeated; i++)
            {
                repeated = password[i] == password[i % unit];
            }

            if (repeated)
            {
                return true;
            }
        }

        return false;
    }
}

public enum PasswordVerdict
{
    Acceptable,
    TooShort,
    TooLong,
    Common,
    ContainsPersonalData,
}
