using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Privacy;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Privacy;

public sealed partial class PrivacyRightsTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    private const string RosaEmail = "rosa.privacy@example.org";
    private const string RosaName = "Rosa Quintanilla";
    private const string OtherEmail = "otto.neighbour@example.org";
    private const string OtherName = "Otto Neighbour";

    [Fact]
    public async Task A_person_downloads_only_their_own_data_then_erasure_leaves_no_trace_of_them_and_the_ledger_unchanged()
    {
        var now = DateTimeOffset.UtcNow;
        var stopId = await PersonSeed.FullStopAsync(App, now, capacity: 2);
        var rosa = await PersonSeed.EverywhereAsync(App, RosaEmail, RosaName, "rosa", stopId, now);
        var otto = await PersonSeed.EverywhereAsync(App, OtherEmail, OtherName, "otto", stopId, now);
        var waiting = await App.WithDbAsync(async db =>
        {
            var rsvp = new Rsvp { Id = Guid.CreateVersion7(), StopId = stopId, Name = "Wanda Waiting", Email = "wanda@example.org", EmailKey = "wanda@example.org", Status = RsvpStatus.Waitlisted, CreatedAt = now };
            db.Rsvps.Add(rsvp);
            await db.SaveChangesAsync();
            return rsvp.Id;
        });

        // Asking: the same answer for a known and an unknown address; only the known one gets mail.
        var known = await PostFormAsync(NewBrowser(), "/privacy", "/privacy", ("email", "Rosa.Privacy@Example.org"));
        var unknown = await PostFormAsync(NewBrowser(), "/privacy", "/privacy", ("email", "nobody-here@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        var mail = await App.Smtp.WaitForAsync(m => m.Subject == "Your data with us", MailTimeout);
        Assert.Contains(RosaEmail, mail.To.ToString(), StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);

        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync(link.PathAndQuery));
        Assert.Contains("Gifts: 1", page, StringComparison.Ordinal);
        Assert.Contains("Your volunteer profile and assignments", page, StringComparison.Ordinal);

        var download = await NewBrowser().GetAsync(link.PathAndQuery + "/data.json");
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        var json = await download.Content.ReadAsStringAsync();
        using (var parsed = JsonDocument.Parse(json))
        {
            var root = parsed.RootElement;
            Assert.Equal(RosaEmail, root.GetProperty("email").GetString());
            Assert.Equal(RosaName, root.GetProperty("account").GetProperty("displayName").GetString());
            Assert.Equal(2500, root.GetProperty("donations")[0].GetProperty("amountMinor").GetInt64());
            Assert.Equal(2500, root.GetProperty("donations")[0].GetProperty("ledgerEntries")[0].GetProperty("amountMinor").GetInt64());
            Assert.Contains("(rosa)", root.GetProperty("alertSubscriptions")[0].GetProperty("consent").GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, root.GetProperty("alertSubscriptions")[0].GetProperty("actionsTaken").GetArrayLength());
            Assert.Equal(1, root.GetProperty("goodsPledges").GetArrayLength());
            Assert.Equal(1, root.GetProperty("rsvps").GetArrayLength());
            Assert.Equal(1, root.GetProperty("shiftSignups").GetArrayLength());
            Assert.Equal(1, root.GetProperty("volunteer").GetProperty("deployments")[0].GetProperty("checkIns").GetArrayLength());
            Assert.True(root.GetProperty("emails").GetArrayLength() >= 2);
        }

        Assert.DoesNotContain(OtherEmail, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(OtherName, json, StringComparison.Ordinal);

        // Signed in with a confirmed address, the account page leads to the same place.
        var signedIn = NewBrowser();
        await SignInAsync(signedIn, RosaEmail, TestUsers.Password);
        Assert.Contains("/privacy/mine", await signedIn.GetStringAsync("/account"), StringComparison.Ordinal);
        var mine = await signedIn.GetAsync("/privacy/mine");
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Contains("Gifts: 1", WebUtility.HtmlDecode(await signedIn.GetStringAsync(mine.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        var rosaRules = await App.WithDbAsync(db => db.ReminderRules.Where(r => r.ScopeId == rosa.DeploymentId).Select(r => r.Id).ToListAsync());
        Assert.Equal(2, rosaRules.Count);
        var ledgerBefore = await LedgerTotalsAsync();
        var donationsBefore = await App.WithDbAsync(db => db.Donations.CountAsync());

        // Erasure needs the box ticked.
        var unticked = await PostFormAsync(NewBrowser(), link.PathAndQuery + "/erase", link.PathAndQuery + "/erase");
        Assert.Contains("Tick the box", WebUtility.HtmlDecode(await unticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.ErasureRecords.CountAsync()));

        var erased = await PostFormAsync(NewBrowser(), link.PathAndQuery + "/erase", link.PathAndQuery + "/erase", ("confirm", "true"));
        Assert.Contains("Your data is being erased", WebUtility.HtmlDecode(await erased.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var goodbye = await App.Smtp.WaitForAsync(m => m.Subject == "Your data has been erased", MailTimeout);
        Assert.Contains(RosaEmail, goodbye.To.ToString(), StringComparison.Ordinal);
        await App.WaitForJobsAsync(MailTimeout);

        var record = await App.WithDbAsync(db => db.ErasureRecords.AsNoTracking().SingleAsync());
        Assert.Equal(ErasureRecord.HashOf(RosaEmail), record.EmailHash);
        Assert.NotNull(record.ErasedAt);
        Assert.NotNull(record.ConfirmationSentAt);
        Assert.Null(record.ProtectedEmail);

        // Safe to run again.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ErasureJob>().RunAsync(record.Id, CancellationToken.None);
        }

        Assert.Equal(ledgerBefore, await LedgerTotalsAsync());
        Assert.Equal(donationsBefore, await App.WithDbAsync(db => db.Donations.CountAsync()));
        Assert.True(await App.WithDbAsync(db => db.SuppressedAddresses.AnyAsync(s => s.Email == ErasureRecord.HashOf(RosaEmail) && s.Reason == SuppressionReason.Erased)));
        Assert.Equal(RsvpStatus.Confirmed, await App.WithDbAsync(db => db.Rsvps.Where(r => r.Id == waiting).Select(r => r.Status).SingleAsync()));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == rosa.UserId)));
        Assert.Equal(1, await App.WithDbAsync(db => db.ActionsTaken.CountAsync(a => a.SubscriberId == null)));

        foreach (var needle in new[] { RosaEmail, RosaName, "cus_test_rosa" })
        {
            Assert.Empty(await PersonSeed.TablesContainingAsync(App, needle));
        }

        // The reminder engine keeps nothing about the erased deployments: no rule scoped to them, no delivery of those
        // rules or for their check-ins, whoever it went to.
        Assert.False(await App.WithDbAsync(db => db.Deployments.AnyAsync(d => d.Id == rosa.DeploymentId)));
        Assert.False(await App.WithDbAsync(db => db.ReminderRules.AnyAsync(r => r.ScopeId == rosa.DeploymentId || rosaRules.Contains(r.Id))));
        Assert.False(await App.WithDbAsync(db => db.ReminderDeliveries.AnyAsync(d => rosaRules.Contains(d.RuleId))));

        // The other person is untouched.
        Assert.Equal(2, await App.WithDbAsync(db => db.ReminderRules.CountAsync(r => r.ScopeId == otto.DeploymentId)));
        Assert.Equal(2, await App.WithDbAsync(db => db.ReminderDeliveries.CountAsync(d => db.ReminderRules.Any(r => r.Id == d.RuleId && r.ScopeId == otto.DeploymentId))));
        Assert.NotEmpty(await PersonSeed.TablesContainingAsync(App, OtherEmail));
        Assert.True(await App.WithDbAsync(db => db.Donations.AnyAsync(d => d.DonorEmail == OtherEmail && d.DonorName == OtherName)));
    }

    [Fact]
    public async Task A_staff_account_is_not_erased_from_the_link_and_an_unconfirmed_account_gets_no_link_of_its_own()
    {
        await TestUsers.CreateAsync(App, "coord-privacy@example.org", Campaigns.Web.Domain.Identity.Roles.Coordinator);
        string token;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            token = scope.ServiceProvider.GetRequiredService<PrivacyLinks>().Token("coord-privacy@example.org");
        }

        var refused = await PostFormAsync(NewBrowser(), $"/privacy/{token}/erase", $"/privacy/{token}/erase", ("confirm", "true"));
        Assert.Contains("staff account", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.ErasureRecords.CountAsync(r => r.EmailHash == ErasureRecord.HashOf("coord-privacy@example.org"))));

        // Registering with someone else's address must not open their data.
        var user = await TestUsers.CreateAsync(App, "claims-to-be@example.org");
        await App.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false));
            return 0;
        });
        var browser = NewBrowser();
        await SignInAsync(browser, "claims-to-be@example.org", TestUsers.Password);
        var mine = await browser.GetAsync("/privacy/mine");
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.DoesNotContain("/privacy/", mine.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_tampered_link_shows_nothing()
    {
        var page = WebUtility.HtmlDecode(await NewBrowser().GetStringAsync("/privacy/CfDJ8forged-token"));
        Assert.Contains("This link no longer works", page, StringComparison.Ordinal);
        var download = await NewBrowser().GetStringAsync("/privacy/CfDJ8forged-token/data.json");
        Assert.Contains("This link no longer works", WebUtility.HtmlDecode(download), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_does_not_bring_back_an_erased_address_without_consent_given_after_the_erasure()
    {
        var erasedAt = DateTimeOffset.UtcNow.AddDays(-1);
        await App.WithDbAsync(async db =>
        {
            db.SuppressedAddresses.Add(new SuppressedAddress { Email = ErasureRecord.HashOf("gone@example.org"), Reason = SuppressionReason.Erased, CreatedAt = erasedAt });
            return await db.SaveChangesAsync();
        });

        await using var scope = App.Services.CreateAsyncScope();
        var csv = scope.ServiceProvider.GetRequiredService<Campaigns.Web.Features.Alerts.Admin.SubscriberCsv>();
        var old = $"email,name,language,interests,consent_text,consent_at,consent_ip\ngone@example.org,Gone,en,,I agree,{erasedAt.AddDays(-30):O},\n";
        var result = await csv.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(old)), commit: true, CancellationToken.None);
        Assert.Equal(0, result.New);

        var fresh = $"email,name,language,interests,consent_text,consent_at,consent_ip\ngone@example.org,Gone,en,,I agree again,{erasedAt.AddHours(12):O},\n";
        result = await csv.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(fresh)), commit: true, CancellationToken.None);
        Assert.Equal(1, result.New);
    }

    private Task<Dictionary<string, long>> LedgerTotalsAsync() => App.WithDbAsync(async db =>
        (await db.LedgerEntries.GroupBy(e => new { e.AidDriveId, e.Currency }).Select(g => new { g.Key.AidDriveId, g.Key.Currency, Total = g.Sum(e => e.AmountMinor), Count = g.Count() }).ToListAsync())
            .ToDictionary(x => $"{x.AidDriveId}:{x.Currency}:{x.Count}", x => x.Total));

    [GeneratedRegex(@"http\S+/privacy/\S+")]
    private static partial Regex LinkPattern();
}
