using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Infrastructure.Localization;

public static class CampaignsLocalization
{
    public static readonly IReadOnlyList<string> Cultures = ["en", "es", "fr"];

    public static IServiceCollection AddCampaignsLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var supported = Cultures.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = supported;
            o.SupportedUICultures = supported;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;

            // The visitor's choice (the switcher's cookie) wins over the browser's Accept-Language.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>A site language's name in the reader's language ("Spanish", "español", "espagnol"), never its code.</summary>
    public static string LanguageName(string code, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return code switch
        {
            "en" => localizer["English"],
            "es" => localizer["Spanish"],
            "fr" => localizer["French"],
            _ => code,
        };
    }

    /// <summary>Names joined the way a sentence lists them: "Spanish and French".</summary>
    public static string LanguageList(IEnumerable<string> codes, IStringLocalizer localizer)
    {
        var names = codes.Select(c => LanguageName(c, localizer)).ToList();
        return names.Count <= 1 ? string.Concat(names) : localizer["{0} and {1}", string.Join(", ", names[..^1]), names[^1]];
    }

    /// <summary>Right-to-left scripts, for the dir attribute of the layout when such a culture is added.</summary>
    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;
}
