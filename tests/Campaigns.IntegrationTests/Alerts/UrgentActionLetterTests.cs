using System.Net;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.IntegrationTests.Alerts;

/// <summary>
/// Letters to officials from an urgent action, over HTTP and real SMTP: the activist edits the model letter, it goes
/// From the organisation with Reply-To the activist, in the target's language when the action has it; and "I acted"
/// counts once per person.
/// </summary>
public sealed class UrgentActionLetterTests(AlertsAppFactory app) : AppTestBase(app), IClassFixture<AlertsAppFactory>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    private new AlertsAppFactory App => (AlertsAppFactory)base.App;

    [Fact]
    public async Task The_edited_letter_goes_from_the_organisation_with_reply_to_the_activist_in_each_targets_language_and_a_copy_reaches_them()
    {
        var action = await ActionAsync("letter-languages");
        var marta = await App.AddSubscriberAsync("marta.writes@example.org", "en", name: "Marta Ruiz");
        var token = await App.ManageTokenAsync(marta.Id);
        var browser = NewBrowser();
        var page = $"/alerts/{action.Slug}?lang=en&s={token}";

        // The model letter is in a box per language: English for the rapporteur (no French version), Spanish for the prosecutor.
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(page));
        Assert.Contains("name=\"Letters[0].Body\"", html, StringComparison.Ordinal);
        Assert.Contains("Please protect the river defenders.", html, StringComparison.Ordinal);
        Assert.Contains("Protejan a las defensoras del río.", html, StringComparison.Ordinal);
        Assert.Contains("Señora Fiscal General:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{salutation}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);

        var sent = await PostFormAsync(browser, page, $"/alerts/{action.Slug}/letter?lang=en&s={token}",
            ("Letters[0].Language", "en"), ("Letters[0].Subject", "Protect them now"),
            ("Letters[0].Body", "I write from Leeds. <b>Act</b> & protect them.\n\nYours sincerely,"),
            ("Letters[1].Language", "es"), ("Letters[1].Subject", "Protéjanlas ya"),
            ("Letters[1].Body", "Le escribo desde Leeds: protéjanlas.\n\nAtentamente,"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var organisation = App.Services.GetRequiredService<IOptions<EmailOptions>>().Value.FromAddress;
        var spanish = await App.Smtp.WaitForAsync(m => To(m, "fiscal@letters.example") && (m.TextBody ?? "").Contains("Marta Ruiz", StringComparison.Ordinal), MailTimeout);
        Assert.Equal(organisation, spanish.From.Mailboxes.Single().Address);
        Assert.Equal("marta.writes@example.org", spanish.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Marta Ruiz", spanish.ReplyTo.Mailboxes.Single().Name);
        Assert.Equal("Protéjanlas ya", spanish.Subject);
        Assert.Equal("Señora Fiscal General:\n\nLe escribo desde Leeds: protéjanlas.\n\nAtentamente,\nMarta Ruiz\n", spanish.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.DoesNotContain("Protejan a las defensoras", spanish.TextBody, StringComparison.Ordinal);

        // The rapporteur's salutation is French; the letter falls back to the activist's English, and so does its opening.
        var english = await App.Smtp.WaitForAsync(m => To(m, "rapporteur@letters.example") && (m.TextBody ?? "").Contains("Marta Ruiz", StringComparison.Ordinal), MailTimeout);
        Assert.Equal(organisation, english.From.Mailboxes.Single().Address);
        Assert.Equal("marta.writes@example.org", english.ReplyTo.Mailboxes.Single().Address);
        Assert.StartsWith("Dear Special Rapporteur on defenders,\n\nI write from Leeds. <b>Act</b> & protect them.", english.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("Yours sincerely,\nMarta Ruiz", english.TextBody!.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Act&lt;/b&gt; &amp; protect them.", english.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Act</b>", english.HtmlBody, StringComparison.Ordinal);

        var copy = await App.Smtp.WaitForAsync(m => To(m, "marta.writes@example.org"), MailTimeout);
        Assert.Equal("A copy of your letter", copy.Subject);
        Assert.Contains("Le escribo desde Leeds: protéjanlas.", copy.TextBody, StringComparison.Ordinal);
        Assert.Contains("I write from Leeds.", copy.TextBody, StringComparison.Ordinal);
        Assert.Contains("Thank you for writing.", copy.TextBody, StringComparison.Ordinal);

        // Sending again sends nothing and counts nothing.
        var again = await PostFormAsync(browser, page, $"/alerts/{action.Slug}/letter?lang=en&s={token}",
            ("Letters[0].Language", "en"), ("Letters[0].Body", "Again."), ("Letters[1].Language", "es"), ("Letters[1].Body", "Otra vez."));
        Assert.Contains("already sent", await browser.GetStringAsync(again.Headers.Location!.OriginalString), StringComparison.Ordinal);
        await App.WaitForJobsAsync(MailTimeout);
        Assert.Single(App.Smtp.Messages, m => To(m, "fiscal@letters.example") && (m.TextBody ?? "").Contains("Marta Ruiz", StringComparison.Ordinal));
        Assert.Single(App.Smtp.Messages, m => To(m, "marta.writes@example.org"));
        Assert.Equal(2, await App.CountAsync(db => db.ActionsTaken.CountAsync(a => a.UrgentActionId == action.Id && a.Kind == ActionKind.Email)));
    }

    [Fact]
    public async Task The_copy_is_in_the_activists_language_and_so_is_a_letter_to_a_target_whose_language_the_action_lacks()
    {
        var action = await ActionAsync("letter-spanish-activist");
        var lucia = await App.AddSubscriberAsync("lucia.escribe@example.org", "es", name: "Lucía");
        var token = await App.ManageTokenAsync(lucia.Id);
        var browser = NewBrowser();
        var page = $"/alerts/{action.Slug}?lang=es&s={token}";
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(page));

        // Both targets get Spanish: the prosecutor because it is hers, the rapporteur (French) because it is the activist's.
        Assert.DoesNotContain("name=\"Letters[1].Body\"", html, StringComparison.Ordinal);
        var sent = await PostFormAsync(browser, page, $"/alerts/{action.Slug}/letter?lang=es&s={token}",
            ("Letters[0].Language", "es"), ("Letters[0].Body", "Protéjanlas, por favor.\n\nAtentamente,"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var rapporteur = await App.Smtp.WaitForAsync(m => To(m, "rapporteur@letters.example") && (m.TextBody ?? "").Contains("Lucía", StringComparison.Ordinal), MailTimeout);
        Assert.StartsWith("Estimado/a Special Rapporteur on defenders:", rapporteur.TextBody, StringComparison.Ordinal);
        var copy = await App.Smtp.WaitForAsync(m => To(m, "lucia.escribe@example.org"), MailTimeout);
        Assert.Equal("Copia de su carta", copy.Subject);
        Assert.Contains("Gracias por escribir.", copy.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Write your letter: the box is empty.")]
    [InlineData("LONG", "The letter is too long: at most 6,000 characters.")]
    [InlineData(" \n\t ", "Write your letter: the box is empty.")]
    public async Task A_letter_that_cannot_be_sent_is_refused_with_a_message_keeps_the_edits_and_writes_nothing(string body, string message)
    {
        var action = await ActionAsync("letter-refused-" + (body.Length == 0 ? "empty" : body == "LONG" ? "long" : "blank"));
        var subscriber = await App.AddSubscriberAsync($"refused-{action.Slug}@example.org", "en", name: "Rae");
        var token = await App.ManageTokenAsync(subscriber.Id);
        var browser = NewBrowser();
        var page = $"/alerts/{action.Slug}?lang=en&s={token}";
        var text = body == "LONG" ? new string('a', 6001) : body;

        var refused = await PostFormAsync(browser, page, $"/alerts/{action.Slug}/letter?lang=en&s={token}",
            ("Letters[0].Language", "en"), ("Letters[0].Body", "My own words stay here."), ("Letters[1].Language", "es"), ("Letters[1].Body", text));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("My own words stay here.", html, StringComparison.Ordinal);
        Assert.Equal(0, await App.CountAsync(db => db.ActionsTaken.CountAsync(a => a.UrgentActionId == action.Id)));
        Assert.Equal(0, await App.CountAsync(db => db.QueuedEmails.CountAsync(e => e.ReplyToAddress == subscriber.Email || e.ToAddress == subscriber.Email)));
    }

    [Fact]
    public async Task A_subject_or_a_name_with_line_breaks_cannot_add_headers()
    {
        var action = await ActionAsync("letter-headers");
        var eve = await App.AddSubscriberAsync("eve.headers@example.org", "en", name: "Eve\r\nBcc: victim@example.org");
        var token = await App.ManageTokenAsync(eve.Id);
        var browser = NewBrowser();
        var page = $"/alerts/{action.Slug}?lang=en&s={token}";

        var refused = await PostFormAsync(browser, page, $"/alerts/{action.Slug}/letter?lang=en&s={token}",
            ("Letters[0].Language", "en"), ("Letters[0].Subject", "Hi\r\nBcc: victim@example.org"), ("Letters[0].Body", "Protect them."),
            ("Letters[1].Language", "es"), ("Letters[1].Body", "Protéjanlas."));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The subject must be one line", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var sent = await PostFormAsync(browser, page, $"/alerts/{action.Slug}/letter?lang=en&s={token}",
            ("Letters[0].Language", "en"), ("Letters[0].Body", "Protect them."), ("Letters[1].Language", "es"), ("Letters[1].Body", "Protéjanlas."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var letter = await App.Smtp.WaitForAsync(m => To(m, "rapporteur@letters.example") && (m.TextBody ?? "").Contains("Eve Bcc", StringComparison.Ordinal), MailTimeout);
        Assert.Empty(letter.Bcc);
        Assert.Equal("Eve Bcc: victim@example.org", letter.ReplyTo.Mailboxes.Single().Name);
        Assert.Equal("eve.headers@example.org", letter.ReplyTo.Mailboxes.Single().Address);
        await App.WaitForJobsAsync(MailTimeout);
        Assert.DoesNotContain(App.Smtp.Messages, m => To(m, "victim@example.org"));
    }

    [Fact]
    public async Task I_called_counts_once_per_browser_per_link_and_per_account_and_a_repeat_gets_the_same_answer()
    {
        var action = await ActionAsync("called-once");
        var page = $"/alerts/{action.Slug}?lang=en";
        var act = $"/alerts/{action.Slug}/act?lang=en";

        // One anonymous browser: its second "I called" is thanked the same way and not counted.
        var browser = NewBrowser();
        var first = await PostFormAsync(browser, page, act, ("kind", "Call"));
        var firstNotice = await browser.GetStringAsync(first.Headers.Location!.OriginalString);
        var second = await PostFormAsync(browser, page, act, ("kind", "Call"));
        var secondNotice = await browser.GetStringAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("Thank you. Your action is counted.", firstNotice, StringComparison.Ordinal);
        Assert.Contains("Thank you. Your action is counted.", secondNotice, StringComparison.Ordinal);
        Assert.Equal(1, await CallsAsync(action.Id));

        // A forged cookie is no identity: it gets a new one, and counts as one more browser.
        var other = NewBrowser();
        other.DefaultRequestHeaders.Add("Cookie", "campaigns-acted=forged");
        await PostFormAsync(other, page, act, ("kind", "Call"));
        Assert.Equal(2, await CallsAsync(action.Id));

        // The signed link from the alert email: the same subscriber in a browser without the cookie still counts once.
        var subscriber = await App.AddSubscriberAsync("calls-once@example.org", "en");
        var token = await App.ManageTokenAsync(subscriber.Id);
        await PostFormAsync(NewBrowser(), $"{page}&s={token}", $"{act}&s={token}", ("kind", "Call"));
        await PostFormAsync(NewBrowser(), $"{page}&s={token}", $"{act}&s={token}", ("kind", "Call"));
        Assert.Equal(3, await CallsAsync(action.Id));

        // A signed-in account, from two browsers.
        await TestUsers.CreateAsync(App, "caller@example.org");
        foreach (var signedIn in new[] { NewBrowser(), NewBrowser() })
        {
            await SignInAsync(signedIn, "caller@example.org", TestUsers.Password);
            await PostFormAsync(signedIn, page, act, ("kind", "Call"));
        }

        Assert.Equal(4, await CallsAsync(action.Id));

        // Another kind is another action: the first browser's visit counts.
        await PostFormAsync(browser, page, act, ("kind", "Visit"));
        Assert.Equal(1, await App.CountAsync(db => db.ActionsTaken.CountAsync(a => a.UrgentActionId == action.Id && a.Kind == ActionKind.Visit)));
    }

    [Fact]
    public async Task Many_I_called_at_once_from_one_browser_count_once()
    {
        var action = await ActionAsync("called-at-once");
        var page = $"/alerts/{action.Slug}?lang=en";
        var browser = NewBrowser();
        await PostFormAsync(browser, page, $"/alerts/{action.Slug}/act?lang=en", ("kind", "Letter"));
        var token = await AntiforgeryTokenAsync(browser, page);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => browser.PostAsync($"/alerts/{action.Slug}/act?lang=en",
            new FormUrlEncodedContent([KeyValuePair.Create("kind", "Call"), KeyValuePair.Create("__RequestVerificationToken", token)]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await CallsAsync(action.Id));
    }

    [Theory]
    [InlineData("Email")]
    [InlineData("99")]
    [InlineData("")]
    public async Task A_report_of_an_unknown_kind_or_of_an_email_is_refused_and_counts_nothing(string kind)
    {
        var action = await ActionAsync("refused-kind-" + (kind.Length == 0 ? "none" : kind.ToLowerInvariant()));
        var browser = NewBrowser();
        var response = await PostFormAsync(browser, $"/alerts/{action.Slug}?lang=en", $"/alerts/{action.Slug}/act?lang=en", ("kind", kind));

        Assert.Contains("Choose what you did", await browser.GetStringAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(0, await App.CountAsync(db => db.ActionsTaken.CountAsync(a => a.UrgentActionId == action.Id)));
    }

    private Task<int> CallsAsync(Guid actionId) =>
        App.CountAsync(db => db.ActionsTaken.CountAsync(a => a.UrgentActionId == actionId && a.Kind == ActionKind.Call));

    /// <summary>
    /// A live action in English and Spanish, addressed to a Spanish-speaking prosecutor, a rapporteur whose language
    /// (French) the action lacks, and an office without email.
    /// </summary>
    private Task<UrgentAction> ActionAsync(string slug) =>
        App.WithDbAsync(async db =>
        {
            var action = new UrgentAction
            {
                Id = Guid.CreateVersion7(),
                Slug = slug,
                CaseReference = "UA-" + slug,
                Title = "River defenders " + slug,
                Status = ProgrammeStatus.Live,
                IssuedOn = DateOnly.FromDateTime(DateTime.UtcNow),
                LetterSubject = "Protect the river defenders",
                LetterTemplate = "{salutation},\n\nPlease protect the river defenders.\n\nYours sincerely,\n{name}",
            };
            db.UrgentActions.Add(action);
            db.UrgentActionVersions.Add(new UrgentActionVersion
            {
                Id = Guid.CreateVersion7(),
                UrgentActionId = action.Id,
                Language = "es",
                Title = "Defensoras del río " + slug,
                LetterSubject = "Protejan a las defensoras",
                LetterTemplate = "{salutation}:\n\nProtejan a las defensoras del río.\n\nAtentamente,\n{name}",
            });
            foreach (var target in await TargetsAsync(db))
            {
                db.UrgentActionTargets.Add(new UrgentActionTarget { UrgentActionId = action.Id, TargetId = target });
            }

            await db.SaveChangesAsync();
            return action;
        });

    private static async Task<List<Guid>> TargetsAsync(Campaigns.Web.Data.CampaignsDbContext db)
    {
        var existing = await db.Targets.Where(t => t.Institution == "Letters test").Select(t => t.Id).ToListAsync();
        if (existing.Count > 0)
        {
            return existing;
        }

        var targets = new[]
        {
            new Target { Id = Guid.CreateVersion7(), Name = "Fiscal General", Institution = "Letters test", Email = "fiscal@letters.example", Language = "es", Salutation = "Señora Fiscal General" },
            new Target { Id = Guid.CreateVersion7(), Name = "Special Rapporteur on defenders", Institution = "Letters test", Email = "rapporteur@letters.example", Language = "fr", Salutation = "Madame la Rapporteuse spéciale" },
            new Target { Id = Guid.CreateVersion7(), Name = "Ministry without email", Institution = "Letters test", PostalAddress = "1 Main Street" },
        };
        db.Targets.AddRange(targets);
        await db.SaveChangesAsync();
        return targets.Select(t => t.Id).ToList();
    }

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The app with the real, low limit on new anonymous browsers reporting actions.</summary>
public sealed class ActionReportLimitFactory : AlertsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alerts:NewAnonymousReportersPerHour", "2");
    }
}

public sealed class ActionReportLimitTests(ActionReportLimitFactory app) : AppTestBase(app), IClassFixture<ActionReportLimitFactory>
{
    [Fact]
    public async Task New_anonymous_browsers_are_rate_limited_per_address_and_known_ones_are_not()
    {
        const string slug = "river-defenders-threatened";
        var page = $"/alerts/{slug}?lang=en";
        var act = $"/alerts/{slug}/act?lang=en";
        var known = NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(known, page, act, ("kind", "Call"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(NewBrowser(), page, act, ("kind", "Call"))).StatusCode);

        // A script that drops its cookie each time is stopped; the browser that kept its cookie is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostFormAsync(NewBrowser(), page, act, ("kind", "Call"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(known, page, act, ("kind", "Visit"))).StatusCode);
        Assert.Equal(2, await App.WithDbAsync(db =>
            db.ActionsTaken.CountAsync(a => a.Kind == ActionKind.Call && a.OnceKey != null)));
    }
}
