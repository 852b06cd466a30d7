using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Accounts;

public sealed partial class FreezeTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task An_admin_freezes_an_account_and_its_open_session_ends_at_once_and_sign_in_is_refused()
    {
        await TestUsers.CreateAsync(App, "freezer@example.org", Roles.Admin);
        var target = await TestUsers.CreateAsync(App, "seized@example.org", Roles.Coordinator);
        var admin = NewBrowser();
        await SignInAsync(admin, "freezer@example.org", TestUsers.Password);
        var victim = NewBrowser();
        await SignInAsync(victim, "seized@example.org", TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/admin/partners")).StatusCode);

        await PostFormAsync(admin, "/admin/users", $"/admin/users/{target.Id}/freeze");

        Assert.Equal(HttpStatusCode.Redirect, (await victim.GetAsync("/admin/partners")).StatusCode);
        var again = await SignInAsync(NewBrowser(), "seized@example.org", TestUsers.Password);
        Assert.Contains("This account is frozen", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_freezes_their_own_account_from_the_security_email_of_a_sign_in()
    {
        await TestUsers.CreateAsync(App, "careful@example.org", Roles.Coordinator);
        var laptop = NewBrowser();
        await SignInAsync(laptop, "careful@example.org", TestUsers.Password);
        var notice = await App.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "careful@example.org") && m.Subject == "New sign-in to your account", TimeSpan.FromSeconds(20));
        var link = new Uri(FreezeLink().Match(notice.TextBody!).Value);

        var phone = NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(link.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/admin/partners")).StatusCode);
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["token"].ToString();
        var frozen = await PostFormAsync(phone, link.PathAndQuery, "/account/freeze", ("token", token));

        Assert.Contains("Your account is frozen", await frozen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/admin/partners")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_does_not_lift_a_freeze()
    {
        var user = await TestUsers.CreateAsync(App, "reset-frozen@example.org", Roles.Volunteer);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Web.Features.Accounts.FreezeAccount>().FreezeAsync(user.Id);
        }

        await PostFormAsync(NewBrowser(), "/account/forgot-password", "/account/forgot-password", ("Email", "reset-frozen@example.org"));
        var mail = await App.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "reset-frozen@example.org"), TimeSpan.FromSeconds(20));
        var link = new Uri(ResetLink().Match(mail.TextBody!).Value);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        await PostFormAsync(NewBrowser(), link.PathAndQuery, "/account/reset-password",
            ("UserId", query["userId"].ToString()), ("Code", query["code"].ToString()), ("Password", "a fresh and long password"));

        var signIn = await SignInAsync(NewBrowser(), "reset-frozen@example.org", "a fresh and long password");

        Assert.Contains("This account is frozen", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+/account/freeze\?\S+")]
    private static partial Regex FreezeLink();

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
