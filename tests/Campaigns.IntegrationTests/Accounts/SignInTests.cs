using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.IntegrationTests.Accounts;

public sealed class SignInTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    [Fact]
    public async Task A_confirmed_user_signs_in_with_the_right_password_and_reaches_their_account()
    {
        await TestUsers.CreateAsync(App, "ana@example.org", Roles.Supporter);
        var browser = NewBrowser();

        var response = await SignInAsync(browser, "ana@example.org", TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        await TestUsers.CreateAsync(App, "ben@example.org", Roles.Supporter);

        var wrongPassword = await (await SignInAsync(NewBrowser(), "ben@example.org", "not the password at all")).Content.ReadAsStringAsync();
        var unknownUser = await (await SignInAsync(NewBrowser(), "nobody@example.org", "not the password at all")).Content.ReadAsStringAsync();

        Assert.Contains("The email address or password is not right.", wrongPassword, StringComparison.Ordinal);
        Assert.Contains("The email address or password is not right.", unknownUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        await TestUsers.CreateAsync(App, "carla@example.org", Roles.Coordinator);
        var browser = NewBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(browser, "carla@example.org", $"wrong password number {attempt}");
        }

        var response = await SignInAsync(browser, "carla@example.org", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_lockout_lasts_fifteen_minutes_and_then_the_right_password_works_again()
    {
        // Lockout is what an attacker could turn against the owner: it must end on its own, never be permanent.
        await TestUsers.CreateAsync(App, "lucas@example.org", Roles.Coordinator);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(NewBrowser(), "lucas@example.org", $"wrong password number {attempt}");
        }

        var lockoutEnd = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "lucas@example.org").Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        // Identity compares the lockout with the system clock, so the window passes by moving its end into the past.
        await App.WithDbAsync(db => db.Users.Where(u => u.Email == "lucas@example.org")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var browser = NewBrowser();
        var response = await SignInAsync(browser, "lucas@example.org", TestUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Users.Where(u => u.Email == "lucas@example.org").Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task Someone_else_locking_the_account_does_not_keep_the_owner_out_of_a_browser_they_signed_in_with()
    {
        await TestUsers.CreateAsync(App, "maya@example.org", Roles.Coordinator);
        var owner = NewBrowser();
        await SignInAsync(owner, "maya@example.org", TestUsers.Password);
        await PostFormAsync(owner, "/account", "/account/signout");
        var attacker = NewBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(attacker, "maya@example.org", $"wrong password number {attempt}");
        }

        var elsewhere = await SignInAsync(NewBrowser(), "maya@example.org", TestUsers.Password);
        var response = await SignInAsync(owner, "maya@example.org", TestUsers.Password);

        Assert.Contains("locked", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/admin/partners")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_on_a_known_browser_during_a_lockout_forgets_that_browser()
    {
        await TestUsers.CreateAsync(App, "nora@example.org", Roles.Supporter);
        var owner = NewBrowser();
        await SignInAsync(owner, "nora@example.org", TestUsers.Password);
        await PostFormAsync(owner, "/account", "/account/signout");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(NewBrowser(), "nora@example.org", $"wrong password number {attempt}");
        }

        var wrong = await SignInAsync(owner, "nora@example.org", "a guess from a stolen laptop");
        var right = await SignInAsync(owner, "nora@example.org", TestUsers.Password);

        Assert.Contains("locked", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_user_cannot_sign_in_until_the_email_is_confirmed()
    {
        var user = await TestUsers.CreateAsync(App, "dora@example.org", Roles.Supporter);
        await App.WithDbAsync(async db =>
        {
            var row = await db.Users.FindAsync(user.Id);
            row!.EmailConfirmed = false;
            return await db.SaveChangesAsync();
        });

        var response = await SignInAsync(NewBrowser(), "dora@example.org", TestUsers.Password);

        Assert.Contains("Confirm your email address first", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await TestUsers.CreateAsync(App, "eva@example.org", Roles.Supporter);
        var browser = NewBrowser();
        await SignInAsync(browser, "eva@example.org", TestUsers.Password);

        var response = await PostFormAsync(browser, "/account", "/account/signout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }
}
