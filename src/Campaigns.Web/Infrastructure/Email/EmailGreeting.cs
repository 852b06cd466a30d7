using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// The first line of every email: "Hello Ana," or, without a name, just "Hello,". Never "Dear friend": filters
/// score it as spam, and a stranger's warmth reads as a form letter anyway.
/// </summary>
public static class EmailGreeting
{
    public static LocalizedString For(IStringLocalizer localizer, string? name)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return string.IsNullOrWhiteSpace(name) ? localizer["Hello,"] : localizer["Hello {0},", name.Trim()];
    }
}
