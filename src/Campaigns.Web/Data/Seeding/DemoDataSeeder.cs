using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Data.Seeding;

/// <summary>
/// Loads seeds/*.json. Idempotent: a record whose slug exists is left as it is, so a restart or a second
/// node never duplicates demo data and never overwrites what a coordinator changed.
/// </summary>
public sealed class DemoDataSeeder(CampaignsDbContext db, TimeProvider clock, IEnumerable<IDemoDataSeeder> programmeSeeders, ILogger<DemoDataSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var partners = await ReadAsync<List<PartnerSeed>>(folder, "partners.json", cancellationToken) ?? [];
        var known = await db.Partners.ToDictionaryAsync(p => p.Slug, cancellationToken);
        foreach (var seed in partners.Where(p => !known.ContainsKey(p.Slug)))
        {
            var partner = new PartnerOrganisation
            {
                Id = Guid.CreateVersion7(now),
                Slug = seed.Slug,
                Name = seed.Name,
                PublicName = seed.PublicName,
                CountryCode = seed.CountryCode,
                Sector = seed.Sector,
                Description = seed.Description,
                Visibility = seed.Visibility,
                CreatedAt = now,
                Contacts = seed.Contacts.Select(c => new PartnerContact
                {
                    Id = Guid.CreateVersion7(now),
                    Name = c.Name,
                    Role = c.Role,
                    Email = c.Email,
                    Phone = c.Phone,
                }).ToList(),
            };
            db.Partners.Add(partner);
            known[partner.Slug] = partner;
        }

        var programmes = await ReadAsync<ProgrammeSeeds>(folder, "programmes.json", cancellationToken) ?? new ProgrammeSeeds();
        Guid PartnerId(string slug) => known.TryGetValue(slug, out var p)
            ? p.Id
            : throw new InvalidOperationException($"seeds: unknown partner '{slug}'.");

        var tourSlugs = await db.Tours.Select(t => t.Slug).ToListAsync(cancellationToken);
        db.Tours.AddRange(programmes.Tours.Where(s => !tourSlugs.Contains(s.Slug)).Select(s => new SpeakerTour
        {
            Id = Guid.CreateVersion7(now),
            Slug = s.Slug,
            Title = s.Title,
            Summary = s.Summary,
            PartnerOrganisationId = PartnerId(s.Partner),
            StartsOn = today.AddDays(s.StartsInDays),
            EndsOn = today.AddDays(s.EndsInDays),
            Status = s.Status,
        }));

        var driveSlugs = await db.AidDrives.Select(d => d.Slug).ToListAsync(cancellationToken);
        db.AidDrives.AddRange(programmes.AidDrives.Where(s => !driveSlugs.Contains(s.Slug)).Select(s => new AidDrive
        {
            Id = Guid.CreateVersion7(now),
            Slug = s.Slug,
            Title = s.Title,
            Story = s.Story,
            PartnerOrganisationId = PartnerId(s.Partner),
            GoalAmountMinor = s.GoalAmountMinor,
            Currency = s.Currency,
            StartsOn = today.AddDays(s.StartsInDays),
            EndsOn = s.EndsInDays is { } end ? today.AddDays(end) : null,
            Status = s.Status,
        }));

        var requestSlugs = await db.AssistanceRequests.Select(r => r.Slug).ToListAsync(cancellationToken);
        db.AssistanceRequests.AddRange(programmes.AssistanceRequests.Where(s => !requestSlugs.Contains(s.Slug)).Select(s => new AssistanceRequest
        {
            Id = Guid.CreateVersion7(now),
            Slug = s.Slug,
            Title = s.Title,
            Summary = s.Summary,
            PartnerOrganisationId = PartnerId(s.Partner),
            StartsOn = s.StartsInDays is { } start ? today.AddDays(start) : null,
            EndsOn = s.EndsInDays is { } end ? today.AddDays(end) : null,
            Status = s.Status,
        }));

        var actionSlugs = await db.UrgentActions.Select(a => a.Slug).ToListAsync(cancellationToken);
        db.UrgentActions.AddRange(programmes.UrgentActions.Where(s => !actionSlugs.Contains(s.Slug)).Select(s => new UrgentAction
        {
            Id = Guid.CreateVersion7(now),
            Slug = s.Slug,
            CaseReference = s.CaseReference,
            Title = s.Title,
            Summary = s.Summary,
            PartnerOrganisationId = s.Partner is null ? null : PartnerId(s.Partner),
            IssuedOn = today.AddDays(s.IssuedInDays),
            Deadline = s.DeadlineInDays is { } deadline ? today.AddDays(deadline) : null,
            Status = s.Status,
        }));

        var added = await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data loaded: {Count} new rows", added);

        // Each programme adds its own demo data on top of the partners and programmes above.
        foreach (var seeder in programmeSeeders)
        {
            await seeder.SeedAsync(folder, cancellationToken);
        }
    }

    public static async Task<T?> ReadAsync<T>(string folder, string file, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return default;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken);
    }

    private sealed record PartnerSeed(
        string Slug, string Name, string PublicName, string CountryCode, string Sector, string Description,
        ProfileVisibility Visibility, List<ContactSeed> Contacts);

    private sealed record ContactSeed(string Name, string? Role, string? Email, string? Phone);

    private sealed record TourSeed(string Slug, string Title, string Partner, string Summary, int StartsInDays, int EndsInDays, ProgrammeStatus Status);

    private sealed record AidDriveSeed(
        string Slug, string Title, string Partner, string Story, long GoalAmountMinor, string Currency,
        int StartsInDays, int? EndsInDays, ProgrammeStatus Status);

    private sealed record AssistanceRequestSeed(string Slug, string Title, string Partner, string Summary, int? StartsInDays, int? EndsInDays, ProgrammeStatus Status);

    private sealed record UrgentActionSeed(
        string Slug, string CaseReference, string Title, string? Partner, string Summary, int IssuedInDays, int? DeadlineInDays, ProgrammeStatus Status);

    private sealed class ProgrammeSeeds
    {
        public List<TourSeed> Tours { get; set; } = [];

        public List<AidDriveSeed> AidDrives { get; set; } = [];

        public List<AssistanceRequestSeed> AssistanceRequests { get; set; } = [];

        public List<UrgentActionSeed> UrgentActions { get; set; } = [];
    }
}
