using System.Security.Cryptography;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Assistance.CheckIns;

/// <summary>
/// The "I am safe" link: a signed, time-limited token naming one check-in, so a volunteer in the field confirms
/// with one tap, without signing in, and nobody can confirm a check-in they were not sent.
/// </summary>
public sealed class CheckInLinks(IDataProtectionProvider protection, IOptions<CampaignsOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Campaigns.Assistance.CheckIn").ToTimeLimitedDataProtector();

    public string Make(Guid checkInId) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + "/assistance/check-in/" + protector.Protect(checkInId.ToString("N"), Lifetime);

    public string Absolute(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + path;

    public Guid? Read(string token)
    {
        try
        {
            return Guid.TryParseExact(protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
