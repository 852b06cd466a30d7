using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Campaigns.Web.Infrastructure.Security;

public static class Policies
{
    public const string Admin = nameof(Admin);

    /// <summary>Coordinators and Admins: the people who run programmes.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Resource policy on a <see cref="PartnerChange"/>: need-to-know on the old and the new partner.</summary>
    public const string ChangePartner = nameof(ChangePartner);

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Closed by default: a page is public only when it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Admin, Roles.Coordinator));
        options.AddPolicy(ChangePartner, p => p.AddRequirements(new NeedToKnowOnBothPartners()));
    }
}
