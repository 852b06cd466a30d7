using System.Security.Cryptography;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Delegations;

/// <summary>
/// The daily "I am safe" link: a signed, time-limited token naming one day and one member, so someone in the field
/// confirms with one tap without signing in, and nobody can confirm for another person.
/// </summary>
public sealed class RosterCheckInLinks(IDataProtectionProvider protection, IOptions<CampaignsOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Campaigns.Delegations.CheckIn").ToTimeLimitedDataProtector();

    public string Make(Guid dayId, Guid userId) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + "/delegations/check-in/" + protector.Protect(dayId.ToString("N") + "." + userId.ToString("N"), Lifetime);

    public (Guid DayId, Guid UserId)? Read(string token)
    {
        try
        {
            var parts = protector.Unprotect(token).Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var day) && Guid.TryParseExact(parts[1], "N", out var user) ? (day, user) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
