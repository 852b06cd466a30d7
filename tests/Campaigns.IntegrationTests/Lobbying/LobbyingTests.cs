using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.IntegrationTests.Lobbying;

/// <summary>
/// Finding one's representative from the district list, writing through the platform (real SMTP), logging calls
/// and visits into the scorecard, and replacing a representative whose term ended, on a clock the test moves.
/// </summary>
public sealed class LobbyingTests(ClockedAppFactory app) : AppTestBase(app), IClassFixture<ClockedAppFactory>
{
    private const string Slug = "garment-workers-freedom-to-organise-motion";
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    private new ClockedAppFactory App => (ClockedAppFactory)base.App;

    [Fact]
    public async Task A_supporter_finds_their_representative_and_the_letter_goes_out_over_SMTP_once()
    {
        var bristol = await DistrictAsync("GB", "Bristol Central");
        var browser = NewBrowser();
        var page = $"/lobbying/{Slug}/representatives?country=GB&district={bristol}";
        var html = await browser.GetStringAsync(page);
        Assert.Contains("Alex Morgan MP", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Morag Campbell", html, StringComparison.Ordinal);
        var alex = await TargetAsync("Alex Morgan MP");

        var sent = await PostFormAsync(browser, page, $"/lobbying/{Slug}/letter",
            ("TargetId", alex.ToString()), ("DistrictId", bristol.ToString()), ("Name", "Jo Bloggs"), ("Email", "jo@example.org"), ("Language", "fr"), ("Via", "clean-threads-campaign"),
            ("Body", "Je vous demande de coparrainer la motion.\n\nCordialement,"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        // The campaign is the coalition's: the letter counts for the member whose link brought the supporter.
        var via = await App.WithDbAsync(db => db.LobbyingContacts.Where(c => c.TargetId == alex)
            .Join(db.CoalitionMembers, c => c.ViaMemberId, m => m.Id, (c, m) => m.Slug).SingleAsync());
        Assert.Equal("clean-threads-campaign", via);

        var letter = await App.Smtp.WaitForAsync(m => To(m, "alex.morgan.mp@parliament.example.org"), MailTimeout);
        Assert.Equal("Merci de coparrainer la motion sur la liberté syndicale", letter.Subject);
        Assert.Contains("Dear Alex Morgan,", letter.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("Cordialement,\nJo Bloggs", letter.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), StringComparison.Ordinal);
        Assert.Equal("jo@example.org", letter.ReplyTo.Mailboxes.Single().Address);

        var again = await PostFormAsync(browser, page, $"/lobbying/{Slug}/letter",
            ("TargetId", alex.ToString()), ("DistrictId", bristol.ToString()), ("Name", "Jo Bloggs"), ("Email", "JO@example.org"), ("Language", "fr"), ("Body", "Encore."));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("You have already written", WebUtility.HtmlDecode(await browser.GetStringAsync(again.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        await App.WaitForJobsAsync(MailTimeout);
        Assert.Single(App.Smtp.Messages, m => To(m, "alex.morgan.mp@parliament.example.org"));
        Assert.Equal(1, await App.WithDbAsync(db => db.LobbyingContacts.CountAsync(c => c.TargetId == alex && c.Kind == ContactKind.Letter)));
    }

    [Fact]
    public async Task The_edited_letter_goes_in_the_representatives_language_from_the_organisation_with_reply_to_the_supporter_and_a_copy_in_theirs()
    {
        var (district, diputada) = await App.WithDbAsync(async db =>
        {
            var madrid = new District { Id = Guid.CreateVersion7(), CountryCode = "ES", Name = "Madrid (test)" };
            var target = new Target
            {
                Id = Guid.CreateVersion7(), Name = "Lucía Sánchez", Title = "Diputada", Institution = "Congreso (test)", CountryCode = "ES",
                Email = "lucia.sanchez@congreso.example", Language = "es", Salutation = "Estimada diputada Sánchez", DistrictId = madrid.Id,
            };
            db.Districts.Add(madrid);
            db.Targets.Add(target);
            var campaign = await db.LobbyingCampaigns.SingleAsync(c => c.Slug == Slug);
            db.LobbyingCampaignTargets.Add(new LobbyingCampaignTarget { CampaignId = campaign.Id, TargetId = target.Id });
            await db.SaveChangesAsync();
            return (madrid.Id, target.Id);
        });
        var browser = NewBrowser();
        var page = $"/lobbying/{Slug}/representatives?country=ES&district={district}&lang=en";
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(page));
        Assert.Contains("Estimada diputada Sánchez:", html, StringComparison.Ordinal);
        Assert.Contains("Como persona de su circunscripción", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{salutation}", html, StringComparison.Ordinal);

        // An empty box is refused with a message; the name stays in the form and nothing is written or sent.
        var refused = await PostFormAsync(browser, page, $"/lobbying/{Slug}/letter",
            ("TargetId", diputada.ToString()), ("DistrictId", district.ToString()), ("Name", "Sam Writer"), ("Email", "sam.writer@example.org"), ("Language", "en"), ("Body", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Write your letter: the box is empty.", again, StringComparison.Ordinal);
        Assert.Contains("value=\"Sam Writer\"", again, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.LobbyingContacts.CountAsync(c => c.TargetId == diputada)));
        Assert.Equal(0, await App.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.ToAddress == "lucia.sanchez@congreso.example" || e.ToAddress == "sam.writer@example.org")));

        var sent = await PostFormAsync(browser, page, $"/lobbying/{Slug}/letter",
            ("TargetId", diputada.ToString()), ("DistrictId", district.ToString()), ("Name", "Sam Writer"), ("Email", "Sam.Writer@example.org"), ("Language", "en"),
            ("Subject", "Copatrocine la moción, por favor"), ("Body", "Le escribo desde Madrid: copatrocine la moción.\n\nAtentamente,"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var letter = await App.Smtp.WaitForAsync(m => To(m, "lucia.sanchez@congreso.example"), MailTimeout);
        Assert.Equal(App.Services.GetRequiredService<IOptions<EmailOptions>>().Value.FromAddress, letter.From.Mailboxes.Single().Address);
        Assert.Equal("sam.writer@example.org", letter.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Copatrocine la moción, por favor", letter.Subject);
        Assert.Equal("Estimada diputada Sánchez:\n\nLe escribo desde Madrid: copatrocine la moción.\n\nAtentamente,\nSam Writer\n", letter.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        var copy = await App.Smtp.WaitForAsync(m => To(m, "sam.writer@example.org"), MailTimeout);
        Assert.Equal("A copy of your letter", copy.Subject);
        Assert.Contains("Le escribo desde Madrid", copy.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_without_email_gets_a_printable_postal_letter_and_nothing_is_sent()
    {
        var glasgow = await DistrictAsync("GB", "Glasgow North");
        var morag = await TargetAsync("Morag Campbell MP");
        var browser = NewBrowser();
        var page = $"/lobbying/{Slug}/representatives?country=GB&district={glasgow}";
        Assert.Contains("Printable letter", await browser.GetStringAsync(page), StringComparison.Ordinal);

        var response = await PostFormAsync(browser, page, $"/lobbying/{Slug}/letter",
            ("TargetId", morag.ToString()), ("DistrictId", glasgow.ToString()), ("Name", "Iain"), ("Email", "iain@example.org"), ("Language", "en"), ("Body", "Please co-sponsor."));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var postal = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/lobbying/{Slug}/postal/{morag}", postal, StringComparison.Ordinal);

        var letter = WebUtility.HtmlDecode(await browser.GetStringAsync(postal));
        Assert.Contains("12 Byres Road", letter, StringComparison.Ordinal);
        Assert.Contains("Dear Morag Campbell,", letter, StringComparison.Ordinal);
        Assert.Contains("Iain", letter, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.LobbyingContacts.CountAsync(c => c.TargetId == morag)));
        Assert.Equal(0, await App.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.Kind == "lobbying-letter" && e.ToAddress.Contains("campbell"))));
    }

    [Fact]
    public async Task A_district_that_does_not_exist_gets_a_clear_message()
    {
        var browser = NewBrowser();
        var unknown = await browser.GetAsync($"/lobbying/{Slug}/representatives?country=GB&district={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("We do not know this district or constituency", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A real district of another country is not the one chosen either.
        var toronto = await DistrictAsync("CA", "Toronto Centre");
        var mismatch = await browser.GetAsync($"/lobbying/{Slug}/representatives?country=GB&district={toronto}");
        Assert.Equal(HttpStatusCode.NotFound, mismatch.StatusCode);

        var garbage = await browser.GetAsync($"/lobbying/{Slug}/representatives?country=GB&district=not-a-district");
        Assert.Contains("We do not know this district or constituency", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_and_visits_build_the_scorecard_month_by_month()
    {
        var toronto = await DistrictAsync("CA", "Toronto Centre");
        var jordan = await TargetAsync("Jordan Lee MP");
        var page = $"/lobbying/{Slug}/representatives?country=CA&district={toronto}";
        var start = App.Clock.Now;
        try
        {
            var browser = NewBrowser();
            var missing = await PostFormAsync(browser, page, $"/lobbying/{Slug}/log", ("TargetId", jordan.ToString()), ("DistrictId", toronto.ToString()), ("Name", "Sam"), ("Kind", "Call"));
            Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
            Assert.Equal(0, await App.WithDbAsync(db => db.LobbyingContacts.CountAsync(c => c.TargetId == jordan)));

            await PostFormAsync(browser, page, $"/lobbying/{Slug}/log", ("TargetId", jordan.ToString()), ("DistrictId", toronto.ToString()), ("Name", "Sam"), ("Kind", "Call"), ("Outcome", "Undecided"));
            App.Clock.Advance(TimeSpan.FromDays(35));
            await PostFormAsync(browser, page, $"/lobbying/{Slug}/log", ("TargetId", jordan.ToString()), ("DistrictId", toronto.ToString()), ("Name", "Kim"), ("Kind", "Visit"), ("Outcome", "Supportive"));
            await PostFormAsync(browser, page, $"/lobbying/{Slug}/log", ("TargetId", jordan.ToString()), ("DistrictId", toronto.ToString()), ("Name", "Lee"), ("Kind", "Call"), ("Outcome", "NoAnswer"));

            var scorecard = await NewBrowser().GetStringAsync($"/lobbying/{Slug}/scorecard");
            var row = scorecard[scorecard.IndexOf($"data-target=\"{jordan}\"", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            Assert.Contains("data-position=\"Supportive\"", row, StringComparison.Ordinal);
            Assert.Contains($"{start.UtcDateTime:yyyy-MM}: Supportive 0 · Opposed 0 · Undecided 1 · NoAnswer 0", WebUtility.HtmlDecode(row), StringComparison.Ordinal);
            Assert.Contains($"{App.Clock.Now.UtcDateTime:yyyy-MM}: Supportive 1 · Opposed 0 · Undecided 0 · NoAnswer 1", WebUtility.HtmlDecode(row), StringComparison.Ordinal);
            Assert.DoesNotContain("Sam", scorecard, StringComparison.Ordinal);
        }
        finally
        {
            App.Clock.Set(start);
        }
    }

    [Fact]
    public async Task A_representative_whose_term_ended_is_flagged_and_one_action_moves_live_campaigns_and_actions_to_the_successor()
    {
        var former = await TargetAsync("Peter Hughes");
        var successor = await TargetAsync("Priya Shah MP");
        var actionId = await App.WithDbAsync(db => db.UrgentActions.Where(a => a.Slug == "river-defenders-threatened").Select(a => a.Id).SingleAsync());
        await App.WithDbAsync(async db =>
        {
            db.UrgentActionTargets.Add(new Campaigns.Web.Domain.Alerts.UrgentActionTarget { UrgentActionId = actionId, TargetId = former });
            return await db.SaveChangesAsync();
        });

        var coordinator = NewBrowser();
        await TestUsers.CreateAsync(App, "coord-lobbying@example.org", Roles.Coordinator);
        await SignInAsync(coordinator, "coord-lobbying@example.org", TestUsers.Password);

        Assert.Contains("Some live campaigns address targets whose term ended.", await coordinator.GetStringAsync("/admin/lobbying"), StringComparison.Ordinal);
        Assert.Contains("(term ended)", await coordinator.GetStringAsync($"/admin/lobbying/{Slug}"), StringComparison.Ordinal);
        var stale = await coordinator.GetStringAsync("/admin/lobbying/stale");
        Assert.Contains("Peter Hughes", stale, StringComparison.Ordinal);

        // The successor in the same district is offered first.
        var section = stale[stale.IndexOf($"data-target=\"{former}\"", StringComparison.Ordinal)..];
        Assert.StartsWith($"<option value=\"{successor}\"", section[section.IndexOf("<option", StringComparison.Ordinal)..], StringComparison.Ordinal);

        // Supporters can no longer write to the former member.
        var leeds = await DistrictAsync("GB", "Leeds Central and Headingley");
        var reps = await NewBrowser().GetStringAsync($"/lobbying/{Slug}/representatives?country=GB&district={leeds}");
        Assert.DoesNotContain("Peter Hughes", reps, StringComparison.Ordinal);
        Assert.Contains("No representative of this district is a target of this campaign", reps, StringComparison.Ordinal);

        var replaced = await PostFormAsync(coordinator, "/admin/lobbying/stale", $"/admin/lobbying/stale/{former}/replace", ("successorId", successor.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);

        var campaignTargets = await App.WithDbAsync(db => db.LobbyingCampaignTargets.Where(l => db.LobbyingCampaigns.Any(c => c.Id == l.CampaignId && c.Slug == Slug)).Select(l => l.TargetId).ToListAsync());
        Assert.Contains(successor, campaignTargets);
        Assert.DoesNotContain(former, campaignTargets);
        var actionTargets = await App.WithDbAsync(db => db.UrgentActionTargets.Where(l => l.UrgentActionId == actionId).Select(l => l.TargetId).ToListAsync());
        Assert.Contains(successor, actionTargets);
        Assert.DoesNotContain(former, actionTargets);
        Assert.Equal(successor, await App.WithDbAsync(db => db.Targets.Where(t => t.Id == former).Select(t => t.SucceededById).SingleAsync()));
        Assert.DoesNotContain("Peter Hughes", await coordinator.GetStringAsync("/admin/lobbying/stale"), StringComparison.Ordinal);
        Assert.Contains("Priya Shah MP", await NewBrowser().GetStringAsync($"/lobbying/{Slug}/representatives?country=GB&district={leeds}"), StringComparison.Ordinal);

        // After the next election the sitting members go stale too, and the coordinator is told.
        var now = App.Clock.Now;
        try
        {
            App.Clock.Advance(TimeSpan.FromDays(1300));

            // The sign-in cookie does not survive three and a half years either.
            coordinator = NewBrowser();
            await SignInAsync(coordinator, "coord-lobbying@example.org", TestUsers.Password);
            Assert.Contains("Alex Morgan MP", await coordinator.GetStringAsync("/admin/lobbying/stale"), StringComparison.Ordinal);

            // A target still in office cannot be "replaced", and nothing moves.
            var refused = await PostFormAsync(coordinator, "/admin/lobbying/stale", $"/admin/lobbying/stale/{successor}/replace", ("successorId", former.ToString()));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains(successor, await App.WithDbAsync(db => db.LobbyingCampaignTargets.Select(l => l.TargetId).ToListAsync()));
        }
        finally
        {
            App.Clock.Set(now);
        }
    }

    private Task<Guid> DistrictAsync(string country, string name) =>
        App.WithDbAsync(db => db.Districts.Where(d => d.CountryCode == country && d.Name == name).Select(d => d.Id).SingleAsync());

    private Task<Guid> TargetAsync(string name) =>
        App.WithDbAsync(db => db.Targets.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));
}
