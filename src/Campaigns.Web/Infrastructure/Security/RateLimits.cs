using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>
/// Per-client limits on the forms bots go for. Partitioned by the client address (as forwarded by a trusted
/// proxy); a rejected request gets 429 and the friendly error page.
/// </summary>
public static class RateLimits
{
    /// <summary>Sign-in attempts: lockout protects one account, this protects all of them from one client.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Password reset and account creation: each one sends an email.</summary>
    public const string AccountEmail = "account-email";

    /// <summary>Public forms that write for strangers: subscribe, RSVP, donate, pledge.</summary>
    public const string PublicForm = "public-form";

    public static IServiceCollection AddCampaignsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context => PerClient(context, SignIn, limits.SignInPerMinute));
            o.AddPolicy(AccountEmail, context => PerClient(context, AccountEmail, limits.AccountEmailsPerMinute));
            o.AddPolicy(PublicForm, context => PerClient(context, PublicForm, limits.PublicFormsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}:{context.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 100_000)]
    public int SignInPerMinute { get; set; } = 10;

    [Range(1, 100_000)]
    public int AccountEmailsPerMinute { get; set; } = 5;

    [Range(1, 100_000)]
    public int PublicFormsPerMinute { get; set; } = 20;
}
