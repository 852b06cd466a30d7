using Campaigns.Web.Features.Aid.Giving;
using Campaigns.Web.Features.Alerts;
using Campaigns.Web.Features.Assistance.CheckIns;
using Campaigns.Web.Features.Coalitions;
using Campaigns.Web.Features.Delegations;
using Campaigns.Web.Features.Privacy;
using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Campaigns.Tests.Infrastructure.Security;

public sealed class SignedLinksTests
{
    private readonly EphemeralDataProtectionProvider protection = new();
    private readonly Clock clock = new(DateTimeOffset.UtcNow);
    private readonly IOptions<CampaignsOptions> options = Options.Create(new CampaignsOptions { PublicBaseUrl = "https://campaigns.example.org/" });

    private SignedLinks Links => new(protection, clock);

    [Fact]
    public void A_token_gives_back_its_payload()
    {
        var token = Links.Sign("Tests.Purpose", "payload:42", TimeSpan.FromHours(1));

        Assert.Equal("payload:42", Links.Read("Tests.Purpose", token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CfDJ8forged-token-value")]
    [InlineData("not base64 at all!")]
    [InlineData("A")]
    public void A_missing_or_forged_token_gives_nothing(string? token) =>
        Assert.Null(Links.Read("Tests.Purpose", token));

    [Fact]
    public void An_altered_token_gives_nothing()
    {
        var token = Links.Sign("Tests.Purpose", "payload:42", TimeSpan.FromHours(1));

        Assert.Null(Links.Read("Tests.Purpose", token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")));
    }

    [Fact]
    public void A_token_for_one_purpose_is_refused_for_another()
    {
        var token = Links.Sign("Tests.Confirm", "payload:42", TimeSpan.FromHours(1));

        Assert.Null(Links.Read("Tests.Manage", token));
    }

    [Fact]
    public void A_token_expires_by_the_application_clock()
    {
        var token = Links.Sign("Tests.Purpose", "payload:42", TimeSpan.FromHours(1));

        clock.Now += TimeSpan.FromMinutes(59);
        Assert.Equal("payload:42", Links.Read("Tests.Purpose", token));
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.Null(Links.Read("Tests.Purpose", token));
    }

    [Fact]
    public void A_token_past_its_expiry_by_the_machine_clock_is_refused_even_when_the_application_clock_lags()
    {
        clock.Now = DateTimeOffset.UtcNow.AddDays(-1);
        var token = Links.Sign("Tests.Purpose", "payload:42", TimeSpan.FromHours(1));

        Assert.Null(Links.Read("Tests.Purpose", token));
    }

    [Fact]
    public void A_token_made_with_an_explicit_expiry_is_read_until_then()
    {
        var token = Links.Sign("Tests.Purpose", "payload:42", clock.Now.AddMinutes(5));

        Assert.Equal("payload:42", Links.Read("Tests.Purpose", token));
        clock.Now += TimeSpan.FromMinutes(6);
        Assert.Null(Links.Read("Tests.Purpose", token));
    }

    [Fact]
    public void A_token_made_by_the_protector_directly_is_read_and_the_reverse()
    {
        var protector = protection.CreateProtector("Tests.Purpose").ToTimeLimitedDataProtector();

        Assert.Equal("old", Links.Read("Tests.Purpose", protector.Protect("old", TimeSpan.FromHours(1))));
        Assert.Equal("new", protector.Unprotect(Links.Sign("Tests.Purpose", "new", TimeSpan.FromHours(1))));
    }

    // Links already in people's inboxes were made by the feature classes before they shared SignedLinks: each
    // feature's purpose and payload are fixed here, as those links were made.
    [Fact]
    public void Check_in_links_already_sent_keep_working()
    {
        var id = Guid.NewGuid();
        var sent = OldProtector("Campaigns.Assistance.CheckIn").Protect(id.ToString("N"), TimeSpan.FromDays(7));

        var links = new CheckInLinks(Links, options);

        Assert.Equal(id, links.Read(sent));
        Assert.Equal(id, links.Read(links.Make(id).Split('/')[^1]));
        Assert.StartsWith("https://campaigns.example.org/assistance/check-in/", links.Make(id), StringComparison.Ordinal);
    }

    [Fact]
    public void Delegation_check_in_links_already_sent_keep_working()
    {
        var (day, user) = (Guid.NewGuid(), Guid.NewGuid());
        var sent = OldProtector("Campaigns.Delegations.CheckIn").Protect($"{day:N}.{user:N}", TimeSpan.FromDays(3));

        var links = new RosterCheckInLinks(Links, options);

        Assert.Equal((day, user), links.Read(sent));
        Assert.Equal((day, user), links.Read(links.Make(day, user).Split('/')[^1]));
        Assert.Null(links.Read(OldProtector("Campaigns.Delegations.CheckIn").Protect($"{day:N}", TimeSpan.FromDays(3))));
    }

    [Fact]
    public void Privacy_links_already_sent_keep_working_until_a_day_has_passed()
    {
        var sent = OldProtector("Campaigns.Privacy.Rights.v1").Protect("rights:ana@example.org", clock.Now + TimeSpan.FromHours(24));

        var links = new PrivacyLinks(Links, options);

        Assert.Equal("ana@example.org", links.Read(sent));
        Assert.Equal("ana@example.org", links.Read(links.Token(" Ana@Example.org ")));
        Assert.Null(links.Read(OldProtector("Campaigns.Privacy.Rights.v1").Protect("other:ana@example.org", TimeSpan.FromHours(1))));
        clock.Now += TimeSpan.FromHours(25);
        Assert.Null(links.Read(sent));
    }

    [Fact]
    public void Alert_links_already_sent_keep_working_and_a_confirmation_cannot_manage()
    {
        var id = Guid.NewGuid();
        var confirm = OldProtector("Campaigns.Alerts.Subscriber.v1").Protect($"confirm:{id:N}", clock.Now + TimeSpan.FromDays(7));
        var manage = OldProtector("Campaigns.Alerts.Subscriber.v1").Protect($"manage:{id:N}", clock.Now + TimeSpan.FromDays(400));

        var links = new AlertLinks(Links, options);

        Assert.Equal(id, links.ReadConfirm(confirm));
        Assert.Equal(id, links.ReadManage(manage));
        Assert.Null(links.ReadManage(confirm));
        Assert.Null(links.ReadConfirm(manage));
        Assert.Equal(id, links.ReadManage(links.ManageToken(id)));
        Assert.Equal(id, links.ReadConfirm(links.ConfirmToken(id)));
        Assert.Null(links.ReadConfirm(links.ConfirmToken(id, clock.Now.AddMinutes(-1))));
    }

    [Fact]
    public void Coalition_reaffirm_links_already_sent_keep_working()
    {
        var id = Guid.NewGuid();
        var sent = OldProtector("Campaigns.Coalitions.Member.v1").Protect($"reaffirm:{id:N}", clock.Now + TimeSpan.FromDays(90));

        var links = new CoalitionLinks(Links, options);

        Assert.Equal(id, links.ReadReaffirm(sent));
        Assert.Equal(id, links.ReadReaffirm(links.ReaffirmToken(id)));
        Assert.Null(links.ReadReaffirm(OldProtector("Campaigns.Alerts.Subscriber.v1").Protect($"reaffirm:{id:N}", TimeSpan.FromDays(1))));
    }

    [Fact]
    public void Giving_history_links_already_sent_keep_working()
    {
        var sent = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(
            OldProtector("Campaigns.Aid.DonorHistory").Protect("ana@example.org", clock.Now + TimeSpan.FromDays(7))));

        // Only the token methods are exercised: they touch neither the database nor the mail queue.
        var history = new DonorHistory(null!, Links, null!, options);

        Assert.Equal("ana@example.org", history.Read(sent));
        Assert.Equal("ana@example.org", history.Read(history.CreateToken(" Ana@Example.org")));
        Assert.Null(history.Read("%%%"));
        clock.Now += TimeSpan.FromDays(8);
        Assert.Null(history.Read(sent));
    }

    private ITimeLimitedDataProtector OldProtector(string purpose) => protection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
