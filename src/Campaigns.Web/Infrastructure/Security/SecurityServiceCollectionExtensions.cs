using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Infrastructure.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Infrastructure.Security;

public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignsSecurity(this IServiceCollection services)
    {
        services.AddIdentity<CampaignsUser, IdentityRole<Guid>>(options =>
            {
                // ASVS V6: length, not composition; the blocklist lives in CommonPasswordValidator.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.Tokens.ProviderMap[InvitationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
                options.Tokens.ProviderMap[SingleUseAuthenticatorTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(SingleUseAuthenticatorTokenProvider));
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<CampaignsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.Configure<InvitationTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));
        services.AddTransient<InvitationTokenProvider>();
        services.AddTransient<SingleUseAuthenticatorTokenProvider>();

        // Every request re-checks the security stamp (one indexed read), so freezing an account or changing a
        // password ends its other sessions at once, not at the next interval: a seized device must not keep access.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "campaigns.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAuthorization(Policies.Configure);
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PartnerChangeHandler>();

        // Keys in the database, so a cookie or a signed link made by one node is valid on every other; encrypted
        // there with a key kept outside it, so a copy of the database cannot forge either.
        services.AddDataProtection()
            .SetApplicationName("Campaigns")
            .PersistKeysToDbContext<CampaignsDbContext>();
        services.AddSingleton<KeyRingCipher>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlEncryptor = new KeyRingXmlEncryptor(provider.GetRequiredService<KeyRingCipher>().Cipher)));
        services.AddScoped<PlaintextKeyRingPurge>();
        services.AddSingleton<SignedLinks>();

        services.AddScoped<AdminBootstrapper>();
        return services;
    }
}
