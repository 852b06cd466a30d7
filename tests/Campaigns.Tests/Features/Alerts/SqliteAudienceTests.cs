using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Sending;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Tests.Features.Alerts;

/// <summary>The embedded default runs on SQLite: the audience query and its keyset paging must translate there too.</summary>
public sealed class SqliteAudienceTests
{
    [Fact]
    public async Task Audience_pages_by_subscriber_id_on_SQLite()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteCampaignsDbContext(new DbContextOptionsBuilder<SqliteCampaignsDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        var ids = Enumerable.Range(0, 5).Select(i => Guid.CreateVersion7(DateTimeOffset.UtcNow.AddSeconds(i))).ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            db.AlertSubscribers.Add(new AlertSubscriber
            {
                Id = id,
                Email = $"s{i}@example.org",
                Language = i == 4 ? "fr" : "es",
                Interests = i == 3 ? ";africa;" : "",
                Status = SubscriberStatus.Active,
                ConsentText = "yes",
            });
        }

        await db.SaveChangesAsync();
        var send = new AlertSend { Languages = ";es;", Interests = ";latin-america;" };
        var audience = AlertAudience.Query(db, send).Select(s => s.Id);
        var first = await audience.Order().Take(2).ToListAsync();
        var after = first[^1];
        var rest = await audience.Where(id => id > after).Order().ToListAsync();

        Assert.Equal(ids.Take(3), first.Concat(rest));
    }
}
