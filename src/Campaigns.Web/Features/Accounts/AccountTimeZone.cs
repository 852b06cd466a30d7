using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Accounts;

/// <summary>
/// The time zone a person enters and reads times in: their own choice, else the organisation's
/// (Campaigns:TimeZone). Times are stored in UTC; this is only how they are shown and read.
/// </summary>
public sealed class AccountTimeZone(CampaignsDbContext db, IOptions<CampaignsOptions> options)
{
    public string OrganisationDefault => options.Value.TimeZone;

    /// <summary>The person's own choice, null when they follow the organisation's.</summary>
    public async Task<string?> ChosenAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        NeedToKnow.UserId(user) is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken)
            : null;

    public async Task<TimeZoneInfo> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TimeZones.Find(await ChosenAsync(user, cancellationToken)) ?? TimeZones.Find(OrganisationDefault) ?? TimeZoneInfo.Utc;

    /// <returns>False when the zone is unknown; nothing is saved then.</returns>
    public async Task<bool> SetAsync(ClaimsPrincipal user, string? zoneId, CancellationToken cancellationToken)
    {
        var id = NeedToKnow.UserId(user) ?? throw new InvalidOperationException("Only a signed-in person has a time zone.");
        string? value = null;
        if (!string.IsNullOrWhiteSpace(zoneId))
        {
            // Kept as the machine names it, so the page shows what the list offered.
            value = TimeZones.Find(zoneId)?.Id;
            if (value is null)
            {
                return false;
            }
        }

        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, value), cancellationToken);
        return true;
    }

    /// <summary>The IANA zones this machine knows, for the account page's list.</summary>
    public static IReadOnlyList<string> Known { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC")
        .Order(StringComparer.Ordinal).ToList();
}

public sealed class TimeZoneForm
{
    /// <summary>Empty for the organisation's zone.</summary>
    [StringLength(64)]
    [IanaTimeZone(ErrorMessage = "Choose a time zone from the list, such as Europe/Madrid.")]
    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; }
}

public sealed record TimeZonePage(TimeZoneForm Form, string OrganisationDefault, IReadOnlyList<string> Zones);
