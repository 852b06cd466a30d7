using System.Net;
using System.Security.Claims;
using System.Xml.Linq;
using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Security;

/// <summary>
/// The Data Protection key ring signs the auth cookie and every emailed link. It lives in the database, so a copy of
/// the database (a leaked backup) must not be enough to forge a session.
/// </summary>
public sealed class KeyRingTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task The_key_rows_hold_no_key_material_in_clear()
    {
        await MintCookieAsync(App.Services.GetRequiredService<IDataProtectionProvider>(), await StaffAsync("keyring-rows@campaigns.test"));
        var rows = await KeyRowsAsync();

        Assert.NotEmpty(rows);
        foreach (var key in rows.Select(XElement.Parse).Where(x => x.Name.LocalName == "key"))
        {
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName is "masterKey" or "value");
            Assert.Contains(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
        }
    }

    [Fact]
    public async Task A_cookie_minted_with_the_app_keys_opens_staff_pages_and_one_minted_from_the_database_alone_is_refused()
    {
        var user = await StaffAsync("keyring-forged@campaigns.test");

        // The control: the same minting with the app's own keys is a valid session, so the refusal below is the keys'.
        var genuine = await MintCookieAsync(App.Services.GetRequiredService<IDataProtectionProvider>(), user);
        var accepted = await GetWithCookieAsync("/admin/users", genuine);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var forged = await MintCookieAsync(ProviderFromRows(await KeyRowsAsync()), user);
        var refused = await GetWithCookieAsync("/admin/users", forged);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/signin", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_an_earlier_version_stored_in_clear_is_deleted_on_upgrade_and_its_cookies_are_refused()
    {
        var user = await StaffAsync("keyring-upgrade@campaigns.test");
        var plaintextRepository = new RowsRepository([]);
        var oldProvider = ProviderOver(plaintextRepository);
        var oldCookie = await MintCookieAsync(oldProvider, user);
        var oldKey = plaintextRepository.GetAllElements().Single();
        Assert.Contains(oldKey.Descendants(), e => e.Name.LocalName == "masterKey");
        await App.WithDbAsync(async db =>
        {
            db.DataProtectionKeys.Add(new() { FriendlyName = "key-" + oldKey.Attribute("id")!.Value, Xml = oldKey.ToString(SaveOptions.DisableFormatting) });
            return await db.SaveChangesAsync();
        });

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await CampaignsStartup.PrepareDatabaseAsync(scope.ServiceProvider, CancellationToken.None);
        }

        Assert.DoesNotContain(await KeyRowsAsync(), xml => xml.Contains("masterKey", StringComparison.Ordinal));
        var refused = await GetWithCookieAsync("/admin/users", oldCookie);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/signin", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<CampaignsUser> StaffAsync(string email) => await TestUsers.CreateAsync(App, email, "Admin");

    private Task<List<string>> KeyRowsAsync() =>
        App.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());

    /// <summary>What someone holding only the database and the open-source code can build: the key XML, no other secret.</summary>
    private static IDataProtectionProvider ProviderFromRows(IEnumerable<string> rows) =>
        ProviderOver(new RowsRepository(rows.Select(XElement.Parse).ToList()));

    private static IDataProtectionProvider ProviderOver(IXmlRepository repository)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("Campaigns").AddKeyManagementOptions(o => o.XmlRepository = repository);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    /// <summary>The cookie a real sign-in with two-step verification writes, protected by <paramref name="provider"/>.</summary>
    private async Task<string> MintCookieAsync(IDataProtectionProvider provider, CampaignsUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CampaignsUser>>()
            .CreateAsync(await users.FindByIdAsync(user.Id.ToString()) ?? throw new InvalidOperationException("no such user"));
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "mfa"));
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties(), IdentityConstants.ApplicationScheme);
        var protector = provider.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2");
        return new TicketDataFormat(protector).Protect(ticket);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var browser = NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "campaigns.auth=" + cookie);
        return await browser.SendAsync(request);
    }

    private sealed class RowsRepository(List<XElement> elements) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => elements.ToList();

        public void StoreElement(XElement element, string friendlyName) => elements.Add(element);
    }
}
