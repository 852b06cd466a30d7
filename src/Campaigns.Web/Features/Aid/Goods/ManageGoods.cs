using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Campaigns.Web.Features.Aid.Goods;

public sealed class NeedForm
{
    [Required(ErrorMessage = "Say what is needed.")]
    [StringLength(200)]
    public string Item { get; set; } = "";

    [Range(1, 1_000_000, ErrorMessage = "Enter a quantity of at least 1.")]
    public int Quantity { get; set; }

    [Required(ErrorMessage = "Enter the unit, such as pieces or boxes.")]
    [StringLength(50)]
    public string Unit { get; set; } = "";

    public NeedPriority Priority { get; set; } = NeedPriority.Normal;

    [StringLength(1000)]
    public string? Notes { get; set; }
}

public sealed class GoodsPledgeForm
{
    [Range(1, 1_000_000, ErrorMessage = "Enter a quantity of at least 1.")]
    public int Quantity { get; set; }

    [StringLength(200)]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    public string Email { get; set; } = "";
}

public sealed class GoodsReceiptForm
{
    [StringLength(200)]
    public string? CollectionPoint { get; set; }

    /// <summary>What the goods are worth, in the drive's currency, as declared for the ledger; empty when unknown.</summary>
    [StringLength(20)]
    public string? DeclaredValue { get; set; }
}

public sealed class ShipmentForm
{
    [Required(ErrorMessage = "Enter the carrier.")]
    [StringLength(200)]
    public string Carrier { get; set; } = "";

    [StringLength(200)]
    public string? TrackingReference { get; set; }

    public string CustomsValue { get; set; } = "0";

    public string Currency { get; set; } = "EUR";
}

/// <summary>
/// The goods side of a drive: the partner's needs list, donors' pledges against it, receipt at the collection
/// point, shipments and the partner's confirmation of arrival. Who may do what is checked here, per drive.
/// </summary>
public sealed class ManageGoods(
    CampaignsDbContext db, AidLedger ledger, EmailQueue emails, IOptions<CampaignsOptions> options, TimeProvider clock, ILogger<ManageGoods> logger)
{
    public async Task<bool> IsStaffOrPartnerAsync(ClaimsPrincipal user, Guid driveId, CancellationToken cancellationToken) =>
        IsStaff(user) || await IsPartnerAsync(user, driveId, cancellationToken);

    public static bool IsStaff(ClaimsPrincipal user) => user?.IsInRole(Roles.Admin) == true || user?.IsInRole(Roles.Coordinator) == true;

    /// <summary>A Partner-role user of the drive's own organisation, and no other.</summary>
    public async Task<bool> IsPartnerAsync(ClaimsPrincipal user, Guid driveId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.Partner) || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        return await db.Users.AnyAsync(u => u.Id == userId && u.PartnerOrganisationId != null
            && db.AidDrives.Any(d => d.Id == driveId && d.PartnerOrganisationId == u.PartnerOrganisationId), cancellationToken);
    }

    public async Task<List<NeedRow>> NeedsAsync(Guid driveId, CancellationToken cancellationToken)
    {
        var items = await db.NeedItems.AsNoTracking().Where(n => n.AidDriveId == driveId)
            .Select(n => new
            {
                n.Id, n.Item, n.Quantity, n.Unit, n.Priority, n.Notes,
                Pledged = db.GoodsPledges.Where(p => p.NeedItemId == n.Id).Sum(p => (int?)p.Quantity) ?? 0,
                Received = db.GoodsPledges.Where(p => p.NeedItemId == n.Id && p.ReceivedAt != null).Sum(p => (int?)p.Quantity) ?? 0,
            })
            .ToListAsync(cancellationToken);
        return items.OrderByDescending(n => n.Priority).ThenBy(n => n.Item, StringComparer.CurrentCulture)
            .Select(n => new NeedRow(n.Id, n.Item, n.Quantity, n.Unit, n.Priority, n.Notes, n.Pledged, n.Received)).ToList();
    }

    public async Task<NeedItem> AddNeedAsync(Guid driveId, NeedForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = new NeedItem
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            AidDriveId = driveId,
            Item = form.Item.Trim(),
            Quantity = form.Quantity,
            Unit = form.Unit.Trim(),
            Priority = Enum.IsDefined(form.Priority) ? form.Priority : NeedPriority.Normal,
            Notes = form.Notes?.Trim() ?? "",
            CreatedAt = clock.GetUtcNow(),
        };
        db.NeedItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    /// <summary>Changes a line of the needs list; never below what donors have already pledged.</summary>
    /// <returns>Null when saved, otherwise the message to show.</returns>
    public async Task<string?> EditNeedAsync(Guid driveId, Guid itemId, NeedForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = await db.NeedItems.SingleOrDefaultAsync(n => n.Id == itemId && n.AidDriveId == driveId, cancellationToken);
        if (item is null)
        {
            return "This item is no longer on the needs list.";
        }

        var pledged = await db.GoodsPledges.Where(p => p.NeedItemId == itemId).SumAsync(p => (int?)p.Quantity, cancellationToken) ?? 0;
        if (form.Quantity < pledged)
        {
            return "The quantity cannot be lower than what donors have already pledged.";
        }

        item.Item = form.Item.Trim();
        item.Quantity = form.Quantity;
        item.Unit = form.Unit.Trim();
        item.Priority = Enum.IsDefined(form.Priority) ? form.Priority : item.Priority;
        item.Notes = form.Notes?.Trim() ?? "";
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Takes a line off the needs list; one with pledges stays, so no donor's promise points at nothing.</summary>
    /// <returns>Null when removed, otherwise the message to show.</returns>
    public async Task<string?> RemoveNeedAsync(Guid driveId, Guid itemId, CancellationToken cancellationToken)
    {
        if (await db.GoodsPledges.AnyAsync(p => p.NeedItemId == itemId, cancellationToken))
        {
            return "Donors have pledged against this item: lower its quantity to what was pledged instead of removing it.";
        }

        await db.NeedItems.Where(n => n.Id == itemId && n.AidDriveId == driveId && !db.GoodsPledges.Any(p => p.NeedItemId == n.Id))
            .ExecuteDeleteAsync(cancellationToken);
        return null;
    }

    /// <returns>Null when accepted, otherwise the message for the donor.</returns>
    public async Task<string?> PledgeAsync(Guid driveId, Guid itemId, GoodsPledgeForm form, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);

        // Serializable, so two donors pledging the last lanterns at once cannot both be accepted; the one the
        // database turns away tries again and then sees what is left.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryPledgeAsync(driveId, itemId, form, culture, cancellationToken);
            }
            catch (Exception ex) when (IsConcurrencyConflict(ex))
            {
                db.ChangeTracker.Clear();
                logger.LogInformation("Goods pledge for item {ItemId} met a concurrent pledge (attempt {Attempt})", itemId, attempt);
                if (attempt == 5)
                {
                    return "Many people are pledging right now. Please try again in a moment.";
                }

                // A little jitter, so the donors who collided do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(10, 60) * attempt, cancellationToken);
            }
        }
    }

    private async Task<string?> TryPledgeAsync(Guid driveId, Guid itemId, GoodsPledgeForm form, string culture, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var item = await db.NeedItems.AsNoTracking().SingleOrDefaultAsync(n => n.Id == itemId && n.AidDriveId == driveId, cancellationToken);
        if (item is null)
        {
            return "This item is no longer on the needs list.";
        }

        var pledged = await db.GoodsPledges.Where(p => p.NeedItemId == itemId).SumAsync(p => (int?)p.Quantity, cancellationToken) ?? 0;
        if (form.Quantity < 1 || form.Quantity > item.Quantity - pledged)
        {
            return "You can pledge at most what is still needed.";
        }

        var pledge = new GoodsPledge
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            NeedItemId = itemId,
            Quantity = form.Quantity,
            DonorName = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim(),
            DonorEmail = form.Email.Trim(),
            PledgedAt = clock.GetUtcNow(),
            Culture = culture,
        };
        db.GoodsPledges.Add(pledge);
        await db.SaveChangesAsync(cancellationToken);
        await QueueEmailAsync(pledge, item, received: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        return null;
    }

    /// <summary>
    /// Records that pledged goods reached the collection point: the pledge, a goods-in ledger line with the declared
    /// value, and a thank-you to the donor are written together, once, however often the button is pressed.
    /// </summary>
    /// <returns>Null when recorded (or already recorded), otherwise the message to show.</returns>
    public async Task<string?> MarkReceivedAsync(Guid driveId, Guid pledgeId, GoodsReceiptForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        long? value = string.IsNullOrWhiteSpace(form.DeclaredValue) ? 0 : Money.ParseMajor(form.DeclaredValue);
        if (value is null or < 0)
        {
            return "Enter an amount, such as 25 or 25.50.";
        }

        var found = await db.GoodsPledges.AsNoTracking().Where(p => p.Id == pledgeId)
            .Join(db.NeedItems.Where(n => n.AidDriveId == driveId), p => p.NeedItemId, n => n.Id, (p, n) => new { p, n })
            .Join(db.AidDrives, x => x.n.AidDriveId, d => d.Id, (x, d) => new { x.p, x.n, d.Currency })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return "This pledge is not part of this drive.";
        }

        var now = clock.GetUtcNow();
        var collectionPoint = string.IsNullOrWhiteSpace(form.CollectionPoint) ? null : form.CollectionPoint.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.GoodsPledges.Where(p => p.Id == pledgeId && p.ReceivedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReceivedAt, now).SetProperty(p => p.CollectionPoint, collectionPoint), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        db.LedgerEntries.Add(new LedgerEntry
        {
            Id = Guid.CreateVersion7(now),
            AidDriveId = driveId,
            Kind = LedgerEntryKind.GoodsIn,
            Channel = LedgerChannels.Goods,
            AmountMinor = value.Value,
            Currency = found.Currency,
            Description = $"{found.p.Quantity} {found.n.Unit} · {found.n.Item}",
            ExternalKey = "goods-received:" + pledgeId,
            OccurredAt = now,
            RecordedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        found.p.CollectionPoint = collectionPoint;
        await QueueEmailAsync(found.p, found.n, received: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        return null;
    }

    private async Task QueueEmailAsync(GoodsPledge pledge, NeedItem item, bool received, CancellationToken cancellationToken)
    {
        var drive = await db.AidDrives.AsNoTracking().Where(d => d.Id == item.AidDriveId).Select(d => new { d.Title, d.Slug }).SingleAsync(cancellationToken);
        var model = new GoodsEmailModel(
            pledge.DonorName ?? "", drive.Title, pledge.Quantity, item.Unit, item.Item, pledge.CollectionPoint,
            $"{options.Value.PublicBaseUrl.TrimEnd('/')}/aid/{drive.Slug}");
        var message = received
            ? new EmailMessage(pledge.DonorEmail, pledge.DonorName, "Your goods have arrived", "Aid/Emails/GoodsReceived", model, pledge.Culture)
            : new EmailMessage(pledge.DonorEmail, pledge.DonorName, "Thank you for your pledge of goods", "Aid/Emails/GoodsPledged", model, pledge.Culture);
        await emails.QueueAsync(message, received ? "aid-goods-received" : "aid-goods-pledged", cancellationToken);
    }

    private static bool IsConcurrencyConflict(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
                or SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Groups every received, not yet shipped pledge of the drive into a new shipment.</summary>
    public async Task<Guid?> CreateShipmentAsync(Guid driveId, ShipmentForm form, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var value = Money.ParseMajor(form.CustomsValue);
        var currency = form.Currency.Trim().ToUpperInvariant();
        if (value is null)
        {
            errors["CustomsValue"] = "Enter an amount, such as 25 or 25.50.";
        }

        if (!Money.IsSupported(currency))
        {
            errors["Currency"] = "Choose one of the currencies offered.";
        }

        var ready = await db.GoodsPledges
            .Where(p => p.ReceivedAt != null && p.ShipmentId == null && db.NeedItems.Any(n => n.Id == p.NeedItemId && n.AidDriveId == driveId))
            .ToListAsync(cancellationToken);
        if (ready.Count == 0)
        {
            errors[""] = "There are no received goods waiting to be shipped.";
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var shipment = new Shipment
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            AidDriveId = driveId,
            Carrier = form.Carrier.Trim(),
            TrackingReference = form.TrackingReference?.Trim() ?? "",
            CustomsValueMinor = value!.Value,
            Currency = currency,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Shipments.Add(shipment);
        ready.ForEach(p => p.ShipmentId = shipment.Id);
        await db.SaveChangesAsync(cancellationToken);
        return shipment.Id;
    }

    /// <summary>Marks the shipment sent and writes its declared value into the ledger as goods out.</summary>
    public async Task<bool> MarkShippedAsync(Guid driveId, Guid shipmentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Shipments.Where(s => s.Id == shipmentId && s.AidDriveId == driveId && s.ShippedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ShippedAt, now), cancellationToken);
        var shipment = await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shipmentId && s.AidDriveId == driveId, cancellationToken);
        if (shipment is null)
        {
            return false;
        }

        if (claimed > 0)
        {
            await ledger.AppendAsync(new LedgerEntry
            {
                Id = Guid.CreateVersion7(now),
                AidDriveId = driveId,
                Kind = LedgerEntryKind.GoodsOut,
                Channel = LedgerChannels.Goods,
                AmountMinor = -shipment.CustomsValueMinor,
                Currency = shipment.Currency,
                Description = $"{shipment.Carrier} {shipment.TrackingReference}".Trim(),
                ExternalKey = "shipment:" + shipment.Id,
                OccurredAt = now,
                RecordedAt = now,
            }, null, cancellationToken);
        }

        return true;
    }

    public async Task<bool> ConfirmArrivalAsync(Guid driveId, Guid shipmentId, string? notes, Guid userId, CancellationToken cancellationToken) =>
        await db.Shipments.Where(s => s.Id == shipmentId && s.AidDriveId == driveId && s.ShippedAt != null && s.ArrivedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ArrivedAt, clock.GetUtcNow())
                .SetProperty(x => x.ArrivalNotes, notes)
                .SetProperty(x => x.ArrivalConfirmedByUserId, userId), cancellationToken) > 0;

    public async Task<List<ShipmentRow>> ShipmentsAsync(Guid driveId, CancellationToken cancellationToken)
    {
        var shipments = await db.Shipments.AsNoTracking().Where(s => s.AidDriveId == driveId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        var ids = shipments.Select(s => s.Id).ToList();
        var lines = await db.GoodsPledges.AsNoTracking().Where(p => p.ShipmentId != null && ids.Contains(p.ShipmentId.Value))
            .Join(db.NeedItems, p => p.NeedItemId, n => n.Id, (p, n) => new { ShipmentId = p.ShipmentId!.Value, n.Item, n.Unit, p.Quantity })
            .ToListAsync(cancellationToken);
        return shipments.Select(s => new ShipmentRow(
            s.Id, s.Carrier, s.TrackingReference, s.CustomsValueMinor, s.Currency, s.CreatedAt, s.ShippedAt, s.ArrivedAt, s.ArrivalNotes,
            lines.Where(l => l.ShipmentId == s.Id).GroupBy(l => (l.Item, l.Unit))
                .Select(g => new PackingLine(g.Key.Item, g.Sum(l => l.Quantity), g.Key.Unit)).OrderBy(l => l.Item, StringComparer.CurrentCulture).ToList())).ToList();
    }

    public Task<List<GoodsPledgeRow>> PledgesAsync(Guid driveId, CancellationToken cancellationToken) =>
        db.GoodsPledges.AsNoTracking()
            .Join(db.NeedItems.Where(n => n.AidDriveId == driveId), p => p.NeedItemId, n => n.Id, (p, n) => new { p, n })
            .OrderBy(x => x.p.PledgedAt)
            .Select(x => new GoodsPledgeRow(x.p.Id, x.n.Item, x.p.Quantity, x.n.Unit, x.p.DonorName, x.p.DonorEmail, x.p.PledgedAt, x.p.ReceivedAt, x.p.ShipmentId))
            .ToListAsync(cancellationToken);
}

public sealed record NeedRow(Guid Id, string Item, int Quantity, string Unit, NeedPriority Priority, string Notes, int Pledged, int Received)
{
    public int Remaining => Math.Max(0, Quantity - Pledged);
}

public sealed record GoodsPledgeRow(Guid Id, string Item, int Quantity, string Unit, string? DonorName, string DonorEmail, DateTimeOffset PledgedAt, DateTimeOffset? ReceivedAt, Guid? ShipmentId);

public sealed record PackingLine(string Item, int Quantity, string Unit);

public sealed record ShipmentRow(
    Guid Id, string Carrier, string TrackingReference, long CustomsValueMinor, string Currency, DateTimeOffset CreatedAt,
    DateTimeOffset? ShippedAt, DateTimeOffset? ArrivedAt, string? ArrivalNotes, IReadOnlyList<PackingLine> Contents);

public sealed record GoodsEmailModel(string DonorName, string DriveTitle, int Quantity, string Unit, string Item, string? CollectionPoint, string DriveLink);
