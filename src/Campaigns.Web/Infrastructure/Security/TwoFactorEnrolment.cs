using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>
/// An Admin or Coordinator without two-step verification reaches nothing but their own account pages until they
/// set it up: their first sign-in (an invited coordinator, the first Admin) ends on the setup page.
/// </summary>
public static class TwoFactorEnrolment
{
    public const string SetupPath = "/account/two-factor/setup";

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && (context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Coordinator))
                && !IsAllowedBeforeEnrolment(context.Request.Path))
            {
                // The security stamp check of this request has already loaded the user: no second query.
                var users = context.RequestServices.GetRequiredService<UserManager<CampaignsUser>>();
                if (await users.GetUserAsync(context.User) is { TwoFactorEnabled: false })
                {
                    context.Response.Redirect(SetupPath);
                    return;
                }
            }

            await next();
        });

    /// <summary>Their own account (setup, sign-out, password, freeze), the error pages and the language switch.</summary>
    private static bool IsAllowedBeforeEnrolment(PathString path) =>
        path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/culture", StringComparison.OrdinalIgnoreCase);
}
