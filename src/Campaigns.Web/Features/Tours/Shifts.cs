using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Tours;

public sealed class ShiftForm
{
    [Required(ErrorMessage = "Enter the role, such as greeter or driver.")]
    [StringLength(100)]
    [Display(Name = "Role")]
    public string Role { get; set; } = "";

    [Required(ErrorMessage = "Enter when the event starts.")]
    [Display(Name = "Starts")]
    public DateTime? StartsAtLocal { get; set; }

    [Required(ErrorMessage = "Enter when the event ends.")]
    [Display(Name = "Ends")]
    public DateTime? EndsAtLocal { get; set; }

    [Range(1, 100, ErrorMessage = "Ask for between 1 and 100 people.")]
    [Display(Name = "People needed")]
    public int Needed { get; set; } = 1;
}

public enum SignupOutcome
{
    SignedUp,
    AlreadySignedUp,
    Full,
    NotFound,
}

/// <summary>Volunteer shifts at a stop: the host or a coordinator adds them; volunteers sign up and withdraw.</summary>
public sealed class Shifts(CampaignsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    /// <returns>An error message, or null when the shift was added.</returns>
    public async Task<string?> AddAsync(TourStop stop, ShiftForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(form);
        var zone = TimeZones.Find(stop.TimeZoneId)!;
        var start = TimeZones.ToUtc(form.StartsAtLocal!.Value, zone);
        var end = TimeZones.ToUtc(form.EndsAtLocal!.Value, zone);
        if (start is null || end is null)
        {
            return localizer["That time does not exist in this time zone (the clocks go forward then)."];
        }

        if (end <= start)
        {
            return localizer["The shift must end after it starts."];
        }

        var now = clock.GetUtcNow();
        db.StopShifts.Add(new StopShift
        {
            Id = Guid.CreateVersion7(now), StopId = stop.Id, Role = form.Role.Trim(), StartsAt = start.Value, EndsAt = end.Value,
            Needed = form.Needed, CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<SignupOutcome> SignUpAsync(Guid shiftId, Guid userId, CancellationToken cancellationToken)
    {
        if (!await db.StopShifts.AnyAsync(s => s.Id == shiftId, cancellationToken))
        {
            return SignupOutcome.NotFound;
        }

        if (await db.ShiftSignups.AnyAsync(s => s.ShiftId == shiftId && s.UserId == userId, cancellationToken))
        {
            return SignupOutcome.AlreadySignedUp;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.StopShifts.Where(s => s.Id == shiftId && s.Taken < s.Needed)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Taken, s => s.Taken + 1), cancellationToken);
        if (taken == 0)
        {
            return SignupOutcome.Full;
        }

        var now = clock.GetUtcNow();
        db.ShiftSignups.Add(new ShiftSignup { Id = Guid.CreateVersion7(now), ShiftId = shiftId, UserId = userId, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person twice at once: the unique index kept one; the transaction gives the place back.
            return SignupOutcome.AlreadySignedUp;
        }

        await transaction.CommitAsync(cancellationToken);
        return SignupOutcome.SignedUp;
    }

    public async Task WithdrawAsync(Guid shiftId, Guid userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.ShiftSignups.Where(s => s.ShiftId == shiftId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 1)
        {
            await db.StopShifts.Where(s => s.Id == shiftId && s.Taken > 0)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Taken, s => s.Taken - 1), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task<List<ShiftRow>> ListAsync(Guid stopId, Guid? viewerId, bool showNames, CancellationToken cancellationToken) =>
        db.StopShifts.AsNoTracking().Where(s => s.StopId == stopId).OrderBy(s => s.StartsAt).ThenBy(s => s.Role)
            .Select(s => new ShiftRow(
                s.Id, s.Role, s.StartsAt, s.EndsAt, s.Needed, s.Taken,
                db.ShiftSignups.Any(x => x.ShiftId == s.Id && x.UserId == viewerId),
                showNames
                    ? db.ShiftSignups.Where(x => x.ShiftId == s.Id).Join(db.Users, x => x.UserId, u => u.Id, (x, u) => u.DisplayName + " <" + u.Email + ">").ToList()
                    : new List<string>()))
            .ToListAsync(cancellationToken);
}

public sealed record ShiftRow(Guid Id, string Role, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Needed, int Taken, bool Mine, List<string> People);

public sealed record ShiftsView(string TourSlug, string StopSlug, string City, string TimeZoneId, bool CanManage, IReadOnlyList<ShiftRow> Shifts, ShiftForm Form);
