using Campaigns.Web.Domain.Identity;
using Hangfire.Dashboard;

namespace Campaigns.Web.Infrastructure.Jobs;

/// <summary>The endpoint policy already demands an Admin; this keeps the dashboard closed if it is ever mapped without one.</summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(Roles.Admin);
}
