using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Features.Accounts;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Infrastructure.Reminders;

/// <summary>
/// A programme that is not tours: "write to everyone in a group N hours after the group's anchor user joined". It
/// shows the engine knows nothing of tours, and lets each test own its people by an email domain per rule scope.
/// </summary>
public sealed class GroupAudience(CampaignsDbContext db) : IReminderAudience
{
    public const string KindName = "test-group";

    public string Kind => KindName;

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule)
    {
        var anchor = "anchor@" + rule.ScopeId.ToString("N") + ".test";
        return db.Users.Where(u => u.Email == anchor).Select(u => new ReminderOccurrence { Id = u.Id, AnchorAt = u.CreatedAt });
    }

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId)
    {
        var domain = "@" + rule.ScopeId.ToString("N") + ".test";
        return db.Users.Where(u => u.Email!.EndsWith(domain) && u.Id != occurrenceId)
            .Select(u => new ReminderRecipient { PersonKey = "user:" + u.Id.ToString(), Email = u.Email!, Name = u.DisplayName, Culture = "en" });
    }

    public Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken) =>
        Task.FromResult(new EmailMessage(recipient.Email, recipient.Name, "You are invited to Campaigns", "Accounts/Emails/Invitation",
            new AccountEmailModel(recipient.Name ?? "", "https://example.org/" + (rule.CustomText ?? "none")), "en"));
}

public sealed class ReminderEngineAppFactory : ClockedAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Small chunks, so five people make three send jobs.
        builder.UseSetting("Reminders:ChunkSize", "2");
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddReminderAudience<GroupAudience>();
}

public sealed class ReminderEngineTests(ReminderEngineAppFactory app) : AppTestBase(app), IClassFixture<ReminderEngineAppFactory>
{
    private readonly ReminderEngineAppFactory factory = app;

    private SettableTimeProvider Clock => factory.Clock;

    private async Task<Guid> GroupAsync(int people, int offsetMinutes, bool enabled = true, string? customText = null, bool neverDropped = false)
    {
        var scope = Guid.NewGuid();
        await using var services = App.Services.CreateAsyncScope();
        var users = services.ServiceProvider.GetRequiredService<UserManager<CampaignsUser>>();
        foreach (var name in new[] { "anchor" }.Concat(Enumerable.Range(1, people).Select(i => $"person{i}")))
        {
            var email = $"{name}@{scope:N}.test";
            var created = await users.CreateAsync(new CampaignsUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = name, CreatedAt = Clock.GetUtcNow() });
            Assert.True(created.Succeeded);
        }

        var db = services.ServiceProvider.GetRequiredService<CampaignsDbContext>();
        db.ReminderRules.Add(new ReminderRule
        {
            Id = Guid.CreateVersion7(), Kind = GroupAudience.KindName, ScopeId = scope, OffsetMinutes = offsetMinutes,
            Enabled = enabled, CustomText = customText, CreatedAt = Clock.GetUtcNow(), NeverDropped = neverDropped,
        });
        await db.SaveChangesAsync();
        return scope;
    }

    private Task<int> DeliveriesAsync(Guid scope) => App.WithDbAsync(db =>
        db.ReminderDeliveries.CountAsync(d => db.ReminderRules.Any(r => r.Id == d.RuleId && r.ScopeId == scope)));

    private Task RunDueAsync() => factory.RunJobAsync<DueRemindersJob>(job => job.RunAsync(CancellationToken.None));

    [Fact]
    public async Task Nothing_is_sent_before_the_reminder_is_due()
    {
        var scope = await GroupAsync(people: 2, offsetMinutes: 24 * 60);
        Clock.Advance(TimeSpan.FromHours(23));

        await RunDueAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, await DeliveriesAsync(scope));
    }

    [Fact]
    public async Task Each_person_gets_a_due_reminder_once_even_when_every_job_runs_twice_at_the_same_time()
    {
        var scope = await GroupAsync(people: 5, offsetMinutes: 24 * 60, customText: "see-you");
        Clock.Advance(TimeSpan.FromHours(25));

        // The recurring job twice at once, as two nodes would; then every chunk job again, twice at once.
        await Task.WhenAll(RunDueAsync(), RunDueAsync());
        var rule = await App.WithDbAsync(db => db.ReminderRules.SingleAsync(r => r.ScopeId == scope));
        var anchor = await App.WithDbAsync(db => db.Users.Where(u => u.Email == $"anchor@{scope:N}.test").Select(u => u.Id).SingleAsync());
        var domain = $"@{scope:N}.test";
        var keys = await App.WithDbAsync(db => db.Users.Where(u => u.Email!.EndsWith(domain) && u.Id != anchor)
            .Select(u => "user:" + u.Id.ToString()).OrderBy(k => k).ToListAsync());
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            factory.RunJobAsync<SendRemindersJob>(job => job.RunAsync(rule.Id, anchor, keys[0], keys[^1], CancellationToken.None))));
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(30));

        // And once more after everything settled, as after a restart.
        await RunDueAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, await DeliveriesAsync(scope));
        Assert.Equal(5, await App.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.ToAddress.EndsWith(domain))));
        await App.Smtp.WaitForAsync(_ => App.Smtp.Messages.Count(m => m.To.ToString().Contains(domain, StringComparison.Ordinal)) >= 5, TimeSpan.FromSeconds(30));
        var received = App.Smtp.Messages.Where(m => m.To.ToString().Contains(domain, StringComparison.Ordinal)).ToList();
        Assert.Equal(5, received.Count);
        Assert.Equal(5, received.Select(m => m.To.ToString()).Distinct().Count());
        Assert.All(received, m => Assert.Contains("https://example.org/see-you", m.TextBody, StringComparison.Ordinal));
        Assert.DoesNotContain(received, m => m.To.ToString().Contains("anchor@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_before_the_anchor_goes_out_ahead_of_it()
    {
        var scope = await GroupAsync(people: 1, offsetMinutes: -60);

        await RunDueAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));

        // The anchor (the join time) is now, so an hour before it has passed already: due at once.
        Assert.Equal(1, await DeliveriesAsync(scope));
    }

    [Fact]
    public async Task A_reminder_missed_for_longer_than_the_catch_up_window_is_dropped()
    {
        var scope = await GroupAsync(people: 2, offsetMinutes: 60);
        Clock.Advance(TimeSpan.FromHours(1) + new RemindersOptions().CatchUp + TimeSpan.FromMinutes(1));

        await RunDueAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, await DeliveriesAsync(scope));
    }

    [Fact]
    public async Task A_rule_never_dropped_still_goes_out_after_an_outage_longer_than_the_catch_up_window_once()
    {
        var scope = await GroupAsync(people: 2, offsetMinutes: 60, neverDropped: true);
        Clock.Advance(TimeSpan.FromHours(1) + new RemindersOptions().CatchUp + TimeSpan.FromDays(2));

        await Task.WhenAll(RunDueAsync(), RunDueAsync());
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));
        await RunDueAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, await DeliveriesAsync(scope));
    }

    [Fact]
    public async Task A_rule_switched_off_sends_nothing()
    {
        var scope = await GroupAsync(people: 2, offsetMinutes: 60, enabled: false);
        Clock.Advance(TimeSpan.FromHours(2));

        await RunDueAsync();
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, await DeliveriesAsync(scope));
    }
}
