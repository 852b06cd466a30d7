using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Assistance;

/// <summary>Arranging helpers shared by the assistance tests: people in their roles, skills by slug.</summary>
internal static class AssistanceJourney
{
    public static async Task<CampaignsUser> PartnerAsync(CampaignsAppFactory app, string email, string partnerSlug)
    {
        var user = await TestUsers.CreateAsync(app, email, Roles.Partner);
        await app.WithDbAsync(async db =>
        {
            var org = await db.Partners.Where(p => p.Slug == partnerSlug).Select(p => p.Id).SingleAsync();
            return await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PartnerOrganisationId, org));
        });
        return user;
    }

    public static Task<Guid> SkillAsync(CampaignsAppFactory app, string slug) =>
        app.WithDbAsync(db => db.Skills.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());
}
