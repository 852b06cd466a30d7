using Microsoft.AspNetCore.Authorization;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>
/// A change of the partner a protected record belongs to (or of the partner a user speaks for): the resource of
/// <see cref="Policies.ChangePartner"/>. Moving a record is as good as reading it under the new partner, and as good
/// as handing it to whoever knows the new one, so it needs need-to-know on both sides.
/// </summary>
public sealed record PartnerChange(Guid? From, Guid? To)
{
    public bool IsChange => From != To;

    /// <summary>The audit line's detail: ids only, never names.</summary>
    public string Detail => $"partner {From?.ToString() ?? "none"} -> {To?.ToString() ?? "none"}";
}

public sealed class NeedToKnowOnBothPartners : IAuthorizationRequirement;

/// <summary>Succeeds when nothing changes, or when the user has need-to-know on the old and on the new partner.</summary>
public sealed class PartnerChangeHandler(NeedToKnow needToKnow) : AuthorizationHandler<NeedToKnowOnBothPartners, PartnerChange>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, NeedToKnowOnBothPartners requirement, PartnerChange resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        if (!resource.IsChange
            || (await needToKnow.CanSeePartnerAsync(context.User, resource.From, CancellationToken.None)
                && await needToKnow.CanSeePartnerAsync(context.User, resource.To, CancellationToken.None)))
        {
            context.Succeed(requirement);
        }
    }
}
