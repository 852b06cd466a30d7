using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Aid.Admin;

/// <summary>Creates or updates a drive. The slug is made once from the title and kept: its links are on leaflets.</summary>
public sealed class SaveDrive(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<string?> SaveAsync(string? slug, DriveForm form, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var goal = Money.ParseMajor(form.Goal);
        var minimum = Money.ParseMajor(form.Minimum);
        var maximum = Money.ParseMajor(form.Maximum);
        var currency = form.Currency.Trim().ToUpperInvariant();
        if (goal is null or <= 0)
        {
            errors[nameof(form.Goal)] = "Enter the goal as a positive amount, such as 15000.";
        }

        if (minimum is null or <= 0 || maximum is null || maximum < minimum)
        {
            errors[nameof(form.Minimum)] = "The minimum must be positive and not above the maximum.";
        }

        if (!Money.IsSupported(currency))
        {
            errors[nameof(form.Currency)] = "Choose one of the currencies offered.";
        }

        if (form.EndsOn is { } end && form.StartsOn is { } start && end < start)
        {
            errors[nameof(form.EndsOn)] = "The end date must not be before the start date.";
        }

        var suggested = new List<long>();
        foreach (var part in (form.SuggestedAmounts ?? "").Split([' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Money.ParseMajor(part) is { } value && value > 0)
            {
                suggested.Add(value);
            }
            else
            {
                errors[nameof(form.SuggestedAmounts)] = "Write suggested amounts as numbers separated by spaces, such as 10 25 50.";
            }
        }

        var partnerId = await db.Partners.Where(p => p.Slug == form.PartnerSlug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (partnerId is null)
        {
            errors[nameof(form.PartnerSlug)] = "Choose the partner organisation.";
        }

        if (errors.Count > 0)
        {
            return null;
        }

        AidDrive? drive;
        if (slug is null)
        {
            var baseSlug = Slug.From(form.Title) is { Length: > 0 } made ? made : "drive";
            var candidate = await Slug.FreeAsync(baseSlug, taken => db.AidDrives.AnyAsync(d => d.Slug == taken, cancellationToken));

            drive = new AidDrive { Id = Guid.CreateVersion7(clock.GetUtcNow()), Slug = candidate, Title = "", Currency = currency };
            db.AidDrives.Add(drive);
        }
        else
        {
            drive = await db.AidDrives.SingleOrDefaultAsync(d => d.Slug == slug, cancellationToken);
            if (drive is null)
            {
                return null;
            }
        }

        drive.Title = form.Title.Trim();
        drive.PartnerOrganisationId = partnerId!.Value;
        drive.Story = form.Story?.Trim() ?? "";
        drive.GoalAmountMinor = goal!.Value;
        drive.Currency = currency;
        drive.StartsOn = form.StartsOn!.Value;
        drive.EndsOn = form.EndsOn;
        drive.SuggestedAmountsMinor = suggested;
        drive.MinimumAmountMinor = minimum!.Value;
        drive.MaximumAmountMinor = maximum!.Value;
        drive.PaymentInstructions = form.PaymentInstructions?.Trim() ?? "";
        drive.Status = Enum.IsDefined(form.Status) ? form.Status : ProgrammeStatus.Draft;
        await db.SaveChangesAsync(cancellationToken);
        return drive.Slug;
    }

    public async Task<DriveForm?> FormAsync(string slug, CancellationToken cancellationToken)
    {
        var x = await db.AidDrives.AsNoTracking().Where(d => d.Slug == slug)
            .Join(db.Partners, d => d.PartnerOrganisationId, p => p.Id, (d, p) => new { d, PartnerSlug = p.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        return x is null ? null : new DriveForm
        {
            Title = x.d.Title,
            PartnerSlug = x.PartnerSlug,
            Story = x.d.Story,
            Goal = Money.Invariant(x.d.GoalAmountMinor),
            Currency = x.d.Currency,
            StartsOn = x.d.StartsOn,
            EndsOn = x.d.EndsOn,
            SuggestedAmounts = string.Join(" ", x.d.SuggestedAmountsMinor.Select(Money.Invariant)),
            Minimum = Money.Invariant(x.d.MinimumAmountMinor),
            Maximum = Money.Invariant(x.d.MaximumAmountMinor),
            PaymentInstructions = x.d.PaymentInstructions,
            Status = x.d.Status,
        };
    }
}
