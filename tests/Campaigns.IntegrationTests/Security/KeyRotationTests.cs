using Campaigns.Testing;
using Campaigns.Web.Infrastructure.Protection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Campaigns.IntegrationTests.Security;

/// <summary>The app after a rotation: the old key still configured, a new one current.</summary>
public sealed class RotatedKeysFactory : CampaignsAppFactory
{
    public const string NewKey = "hzNwICEnYFX3+Je1qxqOYIKnfoHmSnyzipkhzhAmqBg=";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Protection:Keys:test2", NewKey);
        builder.UseSetting("Protection:CurrentKeyId", "test2");
    }
}

public sealed class KeyRotationTests(RotatedKeysFactory app) : AppTestBase(app), IClassFixture<RotatedKeysFactory>
{
    [Fact]
    public async Task Rows_under_the_old_key_stay_readable_and_the_job_moves_them_to_the_new_key()
    {
        // The re-encrypt run triggered at start must be over, or it could move the row below before the test looks.
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(60));
        var oldCipher = new FieldCipher(new Dictionary<string, byte[]> { ["test1"] = Convert.FromBase64String(CampaignsAppFactory.ProtectionKey) }, "test1");
        var contactId = await App.WithDbAsync(db => db.PartnerContacts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await ExecuteAsync("UPDATE partner_contacts SET \"Phone\" = @value WHERE \"Id\" = @id", oldCipher.Protect("+504 5550 0001"), contactId);

        Assert.Equal("+504 5550 0001", await App.WithDbAsync(db => db.PartnerContacts.Where(c => c.Id == contactId).Select(c => c.Phone).SingleAsync()));
        Assert.StartsWith("p1.test1.", await RawPhoneAsync(contactId), StringComparison.Ordinal);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReencryptProtectedFieldsJob>().RunAsync(CancellationToken.None);
        }

        var raw = await RawPhoneAsync(contactId);
        Assert.StartsWith("p1.test2.", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("5550 0001", raw, StringComparison.Ordinal);
        Assert.Equal("+504 5550 0001", await App.WithDbAsync(db => db.PartnerContacts.Where(c => c.Id == contactId).Select(c => c.Phone).SingleAsync()));
        var stale = await App.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*)::int AS \"Value\" FROM partner_contacts WHERE \"Phone\" IS NOT NULL AND \"Phone\" <> '' AND \"Phone\" NOT LIKE 'p1.test2.%'").SingleAsync());
        Assert.Equal(0, stale);
    }

    private async Task<string> RawPhoneAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Phone\" FROM partner_contacts WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, string value, Guid id)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
