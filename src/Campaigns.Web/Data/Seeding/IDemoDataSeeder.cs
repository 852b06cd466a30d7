namespace Campaigns.Web.Data.Seeding;

/// <summary>
/// One programme's demo data, read from its own file in seeds/. Runs after the partners and base programmes are
/// loaded, and must be idempotent: a record that exists (by slug or natural key) is left as it is.
/// </summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(string folder, CancellationToken cancellationToken);
}
