using System.Security.Claims;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Tours;
using Microsoft.AspNetCore.Authorization;

namespace Campaigns.Web.Features.Tours.Hosts;

/// <summary>Editing a stop: staff may edit any; a host only the stop they proposed.</summary>
public sealed class EditStopRequirement : IAuthorizationRequirement
{
    public static readonly EditStopRequirement Instance = new();
}

public sealed class StopHostAuthorizationHandler : AuthorizationHandler<EditStopRequirement, TourStop>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EditStopRequirement requirement, TourStop resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        if (context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Coordinator))
        {
            context.Succeed(requirement);
        }
        else if (resource.HostUserId is { } host
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && userId == host)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
