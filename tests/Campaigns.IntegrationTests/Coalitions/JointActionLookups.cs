using Campaigns.Testing;
using Campaigns.Web.Features.Coalitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Coalitions;

/// <summary>What the joint action tests read back: a member's id by slug, and the totals as the pages compute them.</summary>
internal static class JointActionLookups
{
    public static Task<Guid> MemberIdAsync(this CampaignsAppFactory app, string slug) =>
        app.WithDbAsync(db => db.CoalitionMembers.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync());

    public static async Task<JointActionTotals> JointTotalsAsync(this CampaignsAppFactory app, Guid actionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ReadJointAction>().TotalsAsync(actionId, CancellationToken.None))!;
    }
}
