using System.Globalization;
using Microsoft.AspNetCore.Localization;

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

    /// <summary>Right-to-left scripts, for the dir attribute of the layout when such a culture is added.</summary>
    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;
}
