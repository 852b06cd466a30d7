using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts;
using Campaigns.Web.Features.Coalitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Coalitions;

/// <summary>
/// The letter the platform emails in a subscriber's name, from the personal link of an alert email opened through a
/// co-sponsor's share link, counts for that member. A class of its own: the other letters tests count from zero.
/// </summary>
public sealed partial class JointActionLetterInMyNameTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Action = "river-defenders-threatened";
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_letter_emailed_in_my_name_through_a_member_link_counts_for_that_member_and_reaches_the_targets()
    {
        var actionId = await App.WithDbAsync(db => db.JointActions.Where(a => a.ProgrammeSlug == Action).Select(a => a.Id).SingleAsync());
        var union = await App.MemberIdAsync("sindicato-textil-del-norte");
        var subscriber = await App.WithDbAsync(async db =>
        {
            var s = new AlertSubscriber
            {
                Id = Guid.CreateVersion7(), Email = "via-letter@example.org", Name = "Lucía Viamonte", Language = "en", Status = SubscriberStatus.Active,
                ConsentText = "test", ConsentAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow, ConfirmedAt = DateTimeOffset.UtcNow,
            };
            db.AlertSubscribers.Add(s);
            await db.SaveChangesAsync();
            return s;
        });
        string token;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            token = scope.ServiceProvider.GetRequiredService<AlertLinks>().ManageToken(subscriber.Id);
        }

        var before = await App.JointTotalsAsync(actionId);

        // The personal link, carrying the member's "via": the "in my name" form keeps both.
        var browser = NewBrowser();
        var page = $"/alerts/{Action}?s={Uri.EscapeDataString(token)}&via=sindicato-textil-del-norte";
        var html = await browser.GetStringAsync(page);
        Assert.Contains("Acting as Lucía Viamonte.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var letterForm = WebUtility.HtmlDecode(LetterFormPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No letter form"));
        Assert.Contains("via=sindicato-textil-del-norte", letterForm, StringComparison.Ordinal);

        // The three targets read Spanish, and the action has it: one letter, in Spanish, as the activist edited it.
        (string, string)[] letterFields = [("Letters[0].Language", "es"), ("Letters[0].Body", "Le escribo con el sindicato.\n\nAtentamente,")];
        var sent = await PostFormAsync(browser, page, letterForm, letterFields);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("via=sindicato-textil-del-norte", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // A double click sends nothing more and counts nothing more.
        await PostFormAsync(browser, page, letterForm, letterFields);

        var emailed = await App.WithDbAsync(db => db.ActionsTaken.Where(a => a.SubscriberId == subscriber.Id).ToListAsync());
        Assert.Equal(3, emailed.Count);
        Assert.All(emailed, a =>
        {
            Assert.Equal(ActionKind.Email, a.Kind);
            Assert.Equal(union, a.ViaMemberId);
        });

        var letter = await App.Smtp.WaitForAsync(
            m => m.To.Mailboxes.Any(a => a.Address == "quejas@defensoria.example") && (m.TextBody ?? "").Contains("Lucía Viamonte", StringComparison.Ordinal), MailTimeout);
        Assert.NotNull(letter);

        var totals = await App.JointTotalsAsync(actionId);
        Assert.Equal(before.LettersSent + 3, totals.LettersSent);
        Assert.Equal(before.Sponsors.Single(s => s.MemberId == union).LettersSent + 3, totals.Sponsors.Single(s => s.MemberId == union).LettersSent);
        Assert.Equal(
            before.Sponsors.Where(s => s.MemberId != union).Sum(s => s.LettersSent),
            totals.Sponsors.Where(s => s.MemberId != union).Sum(s => s.LettersSent));
    }

    [GeneratedRegex("action=\"(/alerts/[a-z0-9-]+/letter\\?[^\"]*)\"")]
    private static partial Regex LetterFormPattern();
}
