using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Accounts;

public sealed class TwoFactorTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task A_supporter_enrols_with_a_real_code_and_then_needs_a_code_to_sign_in()
    {
        await TestUsers.CreateAsync(App, "tf-ana@example.org", Roles.Supporter);
        var first = NewBrowser();
        await SignInAsync(first, "tf-ana@example.org", TestUsers.Password);

        var (key, recoveryCodes) = await EnrolAsync(first);

        Assert.Equal(10, recoveryCodes.Count);
        Assert.True(await UserAsync("tf-ana@example.org", u => u.TwoFactorEnabled));
        var browser = NewBrowser();
        var password = await PostFormAsync(browser, "/account/signin", "/account/signin", ("Email", "tf-ana@example.org"), ("Password", TestUsers.Password));
        Assert.True(IsSecondStep(password, out var secondStep));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);

        var code = await SecondStepAsync(browser, secondStep, await Totp.FreshAsync(key));

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task The_setup_page_shows_the_key_as_text_an_otpauth_link_and_a_qr_code_without_script()
    {
        await TestUsers.CreateAsync(App, "tf-qr@example.org", Roles.Supporter);
        var browser = NewBrowser();
        await SignInAsync(browser, "tf-qr@example.org", TestUsers.Password);
        await PostFormAsync(browser, "/account/two-factor/setup", "/account/two-factor/setup/key");

        var page = await browser.GetStringAsync("/account/two-factor/setup");

        Assert.Contains("data-authenticator-key>", page, StringComparison.Ordinal);
        Assert.Contains("otpauth://totp/Campaigns:tf-qr%40example.org?secret=", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_counts_toward_the_lockout()
    {
        await TestUsers.CreateAsync(App, "tf-carla@example.org", Roles.Coordinator);
        var browser = NewBrowser();
        var wrong = WrongCode(TestUsers.AuthenticatorKeyFor("tf-carla@example.org"));

        var password = await PostFormAsync(browser, "/account/signin", "/account/signin", ("Email", "tf-carla@example.org"), ("Password", TestUsers.Password));
        Assert.True(IsSecondStep(password, out var secondStep));
        var refused = await SecondStepAsync(browser, secondStep, wrong);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The code is not right.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await UserAsync("tf-carla@example.org", u => u.AccessFailedCount));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await SecondStepAsync(browser, secondStep, wrong);
        }

        var locked = await SecondStepAsync(browser, secondStep, await Totp.FreshAsync(TestUsers.AuthenticatorKeyFor("tf-carla@example.org")));
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_code_is_accepted_only_once()
    {
        await TestUsers.CreateAsync(App, "tf-hana@example.org", Roles.Coordinator);
        var code = await Totp.FreshAsync(TestUsers.AuthenticatorKeyFor("tf-hana@example.org"));
        var first = NewBrowser();
        Assert.True(IsSecondStep(await PostFormAsync(first, "/account/signin", "/account/signin", ("Email", "tf-hana@example.org"), ("Password", TestUsers.Password)), out var step));
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(first, step, code)).StatusCode);

        var replay = NewBrowser();
        Assert.True(IsSecondStep(await PostFormAsync(replay, "/account/signin", "/account/signin", ("Email", "tf-hana@example.org"), ("Password", TestUsers.Password)), out var replayStep));
        var refused = await SecondStepAsync(replay, replayStep, code);

        Assert.Contains("The code is not right.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(replay, replayStep, await Totp.FreshAsync(TestUsers.AuthenticatorKeyFor("tf-hana@example.org")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_a_wrong_one_counts_toward_the_lockout()
    {
        await TestUsers.CreateAsync(App, "tf-ben@example.org", Roles.Supporter);
        var first = NewBrowser();
        await SignInAsync(first, "tf-ben@example.org", TestUsers.Password);
        var (_, recoveryCodes) = await EnrolAsync(first);

        var browser = NewBrowser();
        Assert.True(IsSecondStep(await PostFormAsync(browser, "/account/signin", "/account/signin", ("Email", "tf-ben@example.org"), ("Password", TestUsers.Password)), out var step));
        var used = await SecondStepAsync(browser, step, recoveryCodes[0]);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        var again = NewBrowser();
        Assert.True(IsSecondStep(await PostFormAsync(again, "/account/signin", "/account/signin", ("Email", "tf-ben@example.org"), ("Password", TestUsers.Password)), out var stepAgain));
        var reused = await SecondStepAsync(again, stepAgain, recoveryCodes[0]);

        Assert.Contains("The code is not right.", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await UserAsync("tf-ben@example.org", u => u.AccessFailedCount));
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/account")).StatusCode);
        Assert.Equal(9, await CountRecoveryCodesAsync("tf-ben@example.org"));
    }

    [Fact]
    public async Task An_admin_without_two_step_verification_is_sent_to_setup_for_every_staff_page_until_enrolled()
    {
        // Made a supporter first, then an Admin: no authenticator, like the first Admin of a new installation.
        var user = await TestUsers.CreateAsync(App, "tf-root@example.org", Roles.Supporter);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(user.Id.ToString()))!, Roles.Admin);
        }

        var browser = NewBrowser();
        var signedIn = await SignInAsync(browser, "tf-root@example.org", TestUsers.Password);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);

        foreach (var page in new[] { "/", "/admin/users", "/admin/partners", "/admin/jobs" })
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/two-factor/setup", response.Headers.Location?.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/two-factor/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        await EnrolAsync(browser);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_admin_resets_it_for_a_coordinator_who_lost_their_phone_who_then_sets_it_up_again()
    {
        await TestUsers.CreateAsync(App, "tf-admin@example.org", Roles.Admin);
        var coordinator = await TestUsers.CreateAsync(App, "tf-lost@example.org", Roles.Coordinator);
        var admin = NewBrowser();
        await SignInAsync(admin, "tf-admin@example.org", TestUsers.Password);
        var oldSession = NewBrowser();
        await SignInAsync(oldSession, "tf-lost@example.org", TestUsers.Password);

        var reset = await PostFormAsync(admin, "/admin/users", $"/admin/users/{coordinator.Id}/two-factor/reset");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await UserAsync("tf-lost@example.org", u => u.TwoFactorEnabled));
        Assert.Equal(HttpStatusCode.Redirect, (await oldSession.GetAsync("/account")).StatusCode);
        var browser = NewBrowser();
        Assert.Equal("/", (await SignInAsync(browser, "tf-lost@example.org", TestUsers.Password)).Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor/setup", (await browser.GetAsync("/admin/partners")).Headers.Location?.OriginalString);
        await EnrolAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/partners")).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_turn_two_step_verification_off()
    {
        await TestUsers.CreateAsync(App, "tf-dora@example.org", Roles.Coordinator);
        var browser = NewBrowser();
        await SignInAsync(browser, "tf-dora@example.org", TestUsers.Password);

        var page = await browser.GetStringAsync("/account/two-factor");
        var response = await PostFormAsync(browser, "/account/two-factor", "/account/two-factor/disable", ("CurrentPassword", TestUsers.Password));

        Assert.Contains("cannot be turned off", page, StringComparison.Ordinal);
        Assert.Contains("/account/denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.True(await UserAsync("tf-dora@example.org", u => u.TwoFactorEnabled));
    }

    [Fact]
    public async Task A_supporter_is_not_forced_and_may_turn_it_off_with_the_password()
    {
        await TestUsers.CreateAsync(App, "tf-eva@example.org", Roles.Supporter);
        var browser = NewBrowser();
        await SignInAsync(browser, "tf-eva@example.org", TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        await EnrolAsync(browser);

        var wrongPassword = await PostFormAsync(browser, "/account/two-factor", "/account/two-factor/disable", ("CurrentPassword", "not the password at all"));
        Assert.True(await UserAsync("tf-eva@example.org", u => u.TwoFactorEnabled));
        var disabled = await PostFormAsync(browser, "/account/two-factor", "/account/two-factor/disable", ("CurrentPassword", TestUsers.Password));

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False(await UserAsync("tf-eva@example.org", u => u.TwoFactorEnabled));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        Assert.Equal("/", (await SignInAsync(NewBrowser(), "tf-eva@example.org", TestUsers.Password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_code_at_setup_does_not_turn_it_on()
    {
        await TestUsers.CreateAsync(App, "tf-fer@example.org", Roles.Supporter);
        var browser = NewBrowser();
        await SignInAsync(browser, "tf-fer@example.org", TestUsers.Password);
        await PostFormAsync(browser, "/account/two-factor/setup", "/account/two-factor/setup/key");
        var key = await App.WithDbAsync(db => db.UserTokens
            .Where(t => t.UserId == db.Users.Single(u => u.Email == "tf-fer@example.org").Id && t.Name == "AuthenticatorKey")
            .Select(t => t.Value).SingleAsync());

        var response = await PostFormAsync(browser, "/account/two-factor/setup", "/account/two-factor/setup", ("Code", WrongCode(key!)));

        Assert.Contains("The code is not right.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await UserAsync("tf-fer@example.org", u => u.TwoFactorEnabled));
    }

    /// <summary>Six digits that no step within Identity's window (two steps either side) produces.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(i => Totp.Code(key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !valid.Contains(c));
    }

    private Task<T> UserAsync<T>(string email, System.Linq.Expressions.Expression<Func<CampaignsUser, T>> read) =>
        App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(read).SingleAsync());

    private async Task<int> CountRecoveryCodesAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
        return await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!);
    }
}
