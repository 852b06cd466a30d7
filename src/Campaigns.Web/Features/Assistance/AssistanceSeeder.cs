using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Programmes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

/// <summary>
/// seeds/assistance.json: the skills taxonomy, demo volunteers (Volunteer-role users with no password, so nobody
/// can sign in as them) and the needs of three requests. Idempotent by slug and email.
/// </summary>
public sealed class AssistanceSeeder(CampaignsDbContext db, UserManager<CampaignsUser> users, TimeProvider clock, ILogger<AssistanceSeeder> logger) : IDemoDataSeeder
{
    public async Task SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var seed = await DemoDataSeeder.ReadAsync<AssistanceSeed>(folder, "assistance.json", cancellationToken);
        if (seed is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var categories = await db.SkillCategories.Select(c => c.Slug).ToListAsync(cancellationToken);
        var skillSlugs = await db.Skills.Select(s => s.Slug).ToListAsync(cancellationToken);
        foreach (var category in seed.Categories.Where(c => !categories.Contains(c.Slug)))
        {
            db.SkillCategories.Add(new SkillCategory
            {
                Id = Guid.CreateVersion7(now),
                Slug = category.Slug,
                Name = category.Name,
                Skills = category.Skills.Where(s => !skillSlugs.Contains(s.Slug)).Select(s => new Skill { Id = Guid.CreateVersion7(now), Slug = s.Slug, Name = s.Name }).ToList(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        var skills = await db.Skills.ToDictionaryAsync(s => s.Slug, s => s.Id, cancellationToken);
        Guid SkillId(string slug) => skills.TryGetValue(slug, out var id) ? id : throw new InvalidOperationException($"seeds: unknown skill '{slug}'.");

        var added = 0;
        foreach (var volunteer in seed.Volunteers)
        {
            if (await users.FindByEmailAsync(volunteer.Email) is not null)
            {
                continue;
            }

            var user = new CampaignsUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = volunteer.Email,
                Email = volunteer.Email,
                EmailConfirmed = true,
                DisplayName = volunteer.DisplayName,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("seeds: could not create a demo volunteer: " + string.Join("; ", created.Errors.Select(e => e.Code)));
            }

            await users.AddToRoleAsync(user, Roles.Volunteer);
            Languages.TryParse(volunteer.Languages, out var languages, out _);
            db.VolunteerProfiles.Add(new VolunteerProfile
            {
                UserId = user.Id,
                CountryCode = volunteer.CountryCode,
                City = volunteer.City,
                Remote = volunteer.Remote,
                OnSite = volunteer.OnSite,
                References = volunteer.References,
                BackgroundCheck = volunteer.BackgroundCheck,
                UpdatedAt = now,
                Skills = volunteer.Skills.Select(s => new VolunteerSkill { VolunteerId = user.Id, SkillId = SkillId(s.Key), Level = s.Value }).ToList(),
                Languages = languages.Select(l => new VolunteerLanguage { VolunteerId = user.Id, LanguageCode = l.Code, Level = l.Level }).ToList(),
                Availability = volunteer.Availability.Select(a => new AvailabilityWindow
                {
                    Id = Guid.CreateVersion7(now),
                    VolunteerId = user.Id,
                    From = today.AddDays(a.FromInDays),
                    To = today.AddDays(a.ToInDays),
                    HoursPerWeek = a.HoursPerWeek,
                }).ToList(),
            });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);

        var partners = await db.Partners.ToDictionaryAsync(p => p.Slug, p => p.Id, cancellationToken);
        foreach (var r in seed.Requests)
        {
            var request = await db.AssistanceRequests.Include(x => x.Skills).Include(x => x.Languages).SingleOrDefaultAsync(x => x.Slug == r.Slug, cancellationToken);
            if (request is null)
            {
                if (r.Title is null || !partners.TryGetValue(r.Partner, out var partnerId))
                {
                    continue;
                }

                request = new AssistanceRequest
                {
                    Id = Guid.CreateVersion7(now),
                    Slug = r.Slug,
                    Title = r.Title,
                    Summary = r.Summary ?? "",
                    PartnerOrganisationId = partnerId,
                    StartsOn = r.StartsInDays is { } s ? today.AddDays(s) : null,
                    EndsOn = r.EndsInDays is { } e ? today.AddDays(e) : null,
                    Status = r.Status,
                };
                db.AssistanceRequests.Add(request);
            }
            else if (request.Skills.Count > 0)
            {
                // Already given its needs (by an earlier run or by the partner): leave it as it is.
                continue;
            }

            request.Remote = r.Remote;
            request.OnSite = r.OnSite;
            request.Location = r.Location;
            request.HoursPerWeek = r.HoursPerWeek;
            request.SafetyNotes = r.SafetyNotes;
            request.Skills.AddRange(r.Required.Select(s => new RequestSkill { RequestId = request.Id, SkillId = SkillId(s), Required = true, MinimumLevel = r.MinimumLevel }));
            request.Skills.AddRange(r.NiceToHave.Select(s => new RequestSkill { RequestId = request.Id, SkillId = SkillId(s), Required = false, MinimumLevel = SkillLevel.Learning }));
            Languages.TryParse(r.Languages, out var languages, out _);
            request.Languages.AddRange(languages.Select(l => new RequestLanguage { RequestId = request.Id, LanguageCode = l.Code, MinimumLevel = l.Level }));
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Assistance demo data loaded: {Count} new volunteers", added);
    }

    private sealed record AssistanceSeed(List<CategorySeed> Categories, List<VolunteerSeed> Volunteers, List<RequestSeed> Requests);

    private sealed record CategorySeed(string Slug, string Name, List<SkillSeed> Skills);

    private sealed record SkillSeed(string Slug, string Name);

    private sealed record VolunteerSeed(
        string Email, string DisplayName, string CountryCode, string City, bool Remote, bool OnSite, string References,
        Dictionary<string, SkillLevel> Skills, string Languages, List<WindowSeed> Availability, BackgroundCheckStatus BackgroundCheck);

    private sealed record WindowSeed(int FromInDays, int ToInDays, int HoursPerWeek);

    private sealed record RequestSeed(
        string Slug, string? Title, string Partner, string? Summary, int? StartsInDays, int? EndsInDays, ProgrammeStatus Status,
        List<string> Required, List<string> NiceToHave, SkillLevel MinimumLevel, string Languages, bool Remote, bool OnSite,
        string Location, int? HoursPerWeek, string SafetyNotes);
}
