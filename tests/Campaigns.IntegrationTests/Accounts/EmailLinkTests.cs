using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using MimeKit;

namespace Campaigns.IntegrationTests.Accounts;

/// <summary>The journeys that go through a person's mailbox: each email arrives over real SMTP from a Hangfire job.</summary>
public sealed partial class EmailLinkTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        await TestUsers.CreateAsync(App, "fatima@example.org", Roles.Volunteer);
        var browser = NewBrowser();

        await PostFormAsync(browser, "/account/forgot-password", "/account/forgot-password", ("Email", "fatima@example.org"));
        var email = await App.Smtp.WaitForAsync(m => To(m, "fatima@example.org") && m.Subject == "Reset your password", MailTimeout);
        var link = Link(email, "/account/reset-password");
        var reset = await PostFormAsync(browser, link.PathAndQuery, "/account/reset-password",
            ("UserId", Query(link, "userId")), ("Code", Query(link, "code")), ("Password", "a brand new river password"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(NewBrowser(), "fatima@example.org", "a brand new river password")).StatusCode);
    }

    [Fact]
    public async Task After_a_reset_a_renewed_lockout_does_not_keep_the_owner_out_of_that_browser()
    {
        await TestUsers.CreateAsync(App, "irene@example.org", Roles.Volunteer);
        var owner = NewBrowser();
        await PostFormAsync(owner, "/account/forgot-password", "/account/forgot-password", ("Email", "irene@example.org"));
        var link = Link(await App.Smtp.WaitForAsync(m => To(m, "irene@example.org") && m.Subject == "Reset your password", MailTimeout), "/account/reset-password");
        var reset = await PostFormAsync(owner, link.PathAndQuery, "/account/reset-password",
            ("UserId", Query(link, "userId")), ("Code", Query(link, "code")), ("Password", "a password the owner alone knows"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(NewBrowser(), "irene@example.org", $"wrong password number {attempt}");
        }

        var response = await SignInAsync(owner, "irene@example.org", "a password the owner alone knows");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_used_once_does_not_work_twice()
    {
        await TestUsers.CreateAsync(App, "gabriel@example.org", Roles.Volunteer);
        var browser = NewBrowser();
        await PostFormAsync(browser, "/account/forgot-password", "/account/forgot-password", ("Email", "gabriel@example.org"));
        var link = Link(await App.Smtp.WaitForAsync(m => To(m, "gabriel@example.org"), MailTimeout), "/account/reset-password");
        (string, string)[] fields = [("UserId", Query(link, "userId")), ("Code", Query(link, "code")), ("Password", "first new password here")];
        await PostFormAsync(browser, link.PathAndQuery, "/account/reset-password", fields);

        var second = await PostFormAsync(browser, link.PathAndQuery, "/account/reset-password",
            ("UserId", Query(link, "userId")), ("Code", Query(link, "code")), ("Password", "second new password here"));

        Assert.Contains("This link no longer works", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_supporter_confirms_their_address_by_email_before_signing_in()
    {
        var browser = NewBrowser();

        await PostFormAsync(browser, "/account/register", "/account/register",
            ("DisplayName", "Hugo"), ("Email", "hugo@example.org"), ("Password", "solidarity across borders"));
        var email = await App.Smtp.WaitForAsync(m => To(m, "hugo@example.org") && m.Subject == "Confirm your email address", MailTimeout);
        Assert.Contains("Confirm your email address first", await (await SignInAsync(NewBrowser(), "hugo@example.org", "solidarity across borders")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var link = Link(email, "/account/confirm-email");
        await PostFormAsync(browser, link.PathAndQuery, "/account/confirm-email", ("userId", Query(link, "userId")), ("code", Query(link, "code")));

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(NewBrowser(), "hugo@example.org", "solidarity across borders")).StatusCode);
    }

    [Fact]
    public async Task A_common_password_is_refused_with_a_clear_message_and_no_account_is_created()
    {
        var response = await PostFormAsync(NewBrowser(), "/account/register", "/account/register",
            ("DisplayName", "Ines"), ("Email", "ines@example.org"), ("Password", "password1234"));

        Assert.Contains("among the most commonly used", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == "ines@example.org"))));
    }

    [Fact]
    public async Task An_admin_invites_a_coordinator_who_accepts_by_choosing_a_password()
    {
        await TestUsers.CreateAsync(App, "root@example.org", Roles.Admin);
        var admin = NewBrowser();
        await SignInAsync(admin, "root@example.org", TestUsers.Password);

        var invited = await PostFormAsync(admin, "/admin/users", "/admin/users/invite",
            ("DisplayName", "Jon"), ("Email", "jon@example.org"), ("Roles", Roles.Coordinator));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var link = Link(await App.Smtp.WaitForAsync(m => To(m, "jon@example.org") && m.Subject == "You are invited to Campaigns", MailTimeout), "/account/accept-invitation");
        var jon = NewBrowser();
        var accepted = await PostFormAsync(jon, link.PathAndQuery, "/account/accept-invitation",
            ("UserId", Query(link, "userId")), ("Code", Query(link, "code")), ("Password", "jon chooses a long password"));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // A coordinator sets up two-step verification before reaching any staff page.
        Assert.Equal("/account/two-factor/setup", (await jon.GetAsync("/admin/partners")).Headers.Location?.OriginalString);
        await EnrolAsync(jon);
        Assert.Equal(HttpStatusCode.OK, (await jon.GetAsync("/admin/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, StatusOrForbidden(await jon.GetAsync("/admin/users")));
    }

    private static HttpStatusCode StatusOrForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal)
            ? HttpStatusCode.Forbidden
            : response.StatusCode;

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => m.Address == address);

    private static Uri Link(MimeMessage message, string path) =>
        LinkPattern().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
        ?? throw new InvalidOperationException($"No {path} link in: {message.TextBody}");

    private static string Query(Uri link, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)[name].ToString();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
