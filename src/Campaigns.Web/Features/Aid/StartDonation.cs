using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Features.Coalitions;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Campaigns.Web.Features.Aid;

public sealed class DonateForm
{
    /// <summary>A suggested amount in major units, or empty when the donor typed one.</summary>
    public string? Amount { get; set; }

    [StringLength(20)]
    public string? CustomAmount { get; set; }

    public string Currency { get; set; } = "";

    public DonationFrequency Frequency { get; set; } = DonationFrequency.OneTime;

    [StringLength(200)]
    [Display(Name = "Your name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    public bool ShowNamePublicly { get; set; }

    /// <summary>Made when the form is shown; a second submission of the same form is the same donation.</summary>
    public Guid Attempt { get; set; }

    /// <summary>
    /// Slug of the coalition co-sponsor whose share link brought the donor. Not validated as input: one that names
    /// no co-sponsor of this drive is simply not recorded.
    /// </summary>
    public string? Via { get; set; }
}

/// <summary>
/// The donate button. With Stripe configured it opens a Checkout session (payment or subscription mode) and sends
/// the donor there; without, it records a pledge and emails the donor how to pay. Neither counts as money in:
/// only a confirmed payment or a coordinator marking the pledge received writes the ledger.
/// </summary>
public sealed class StartDonation(
    CampaignsDbContext db,
    StripeClients stripe,
    EmailQueue emails,
    FindCoSponsor coSponsors,
    IOptions<CampaignsOptions> options,
    TimeProvider clock,
    ILogger<StartDonation> logger)
{
    public async Task<DonationOutcome> HandleAsync(DriveView drive, DonateForm form, IDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drive);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var amount = Money.ParseMajor(string.IsNullOrWhiteSpace(form.CustomAmount) ? form.Amount : form.CustomAmount);
        var currency = (form.Currency ?? "").Trim().ToUpperInvariant();
        if (!drive.IsOpen)
        {
            errors[""] = "This drive is not taking donations.";
        }

        if (amount is null || amount <= 0)
        {
            errors[nameof(DonateForm.CustomAmount)] = "Enter an amount, such as 25 or 25.50.";
        }
        else if (amount < drive.MinimumAmountMinor || amount > drive.MaximumAmountMinor)
        {
            errors[nameof(DonateForm.CustomAmount)] = "The amount must be between the minimum and the maximum shown.";
        }

        if (!Money.IsSupported(currency))
        {
            errors[nameof(DonateForm.Currency)] = "Choose one of the currencies offered.";
        }

        if (!Enum.IsDefined(form.Frequency))
        {
            errors[nameof(DonateForm.Frequency)] = "Choose one-time or monthly.";
        }
        else if (form.Frequency == DonationFrequency.Monthly && !stripe.Enabled)
        {
            errors[nameof(DonateForm.Frequency)] = "Monthly gifts need card payments, which are not available here yet.";
        }

        if (errors.Count > 0)
        {
            return DonationOutcome.Invalid;
        }

        var now = clock.GetUtcNow();
        var id = form.Attempt != Guid.Empty ? form.Attempt : Guid.CreateVersion7(now);
        if (await db.Donations.AsNoTracking().Where(d => d.Id == id).Select(d => d.AccessKey).SingleOrDefaultAsync(cancellationToken) is { } existingKey)
        {
            // The same form sent twice (a double click, a back button): the first submission stands.
            return new DonationOutcome(ThanksPath(drive.Slug, existingKey), false);
        }

        var name = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim();
        var donation = new Donation
        {
            Id = id,
            AidDriveId = drive.Id,
            Source = stripe.Enabled ? DonationSource.Checkout : DonationSource.Pledge,
            Frequency = form.Frequency,
            Status = stripe.Enabled ? DonationStatus.AwaitingPayment : DonationStatus.Pledged,
            AmountMinor = amount!.Value,
            Currency = currency,
            DonorName = name,
            DonorEmail = form.Email.Trim(),
            ShowNamePublicly = form.ShowNamePublicly && name is not null,
            Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            AccessKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            Channel = stripe.Enabled ? LedgerChannels.Card : LedgerChannels.BankTransfer,
            CreatedAt = now,

            // On the row rather than in Stripe's metadata: every later event finds this row, so a monthly gift's
            // invoices all count for the member that brought the donor.
            ViaMemberId = await coSponsors.HandleAsync(JointActionKind.AidDrive, drive.Slug, form.Via, cancellationToken),
        };

        if (!stripe.Enabled)
        {
            db.Donations.Add(donation);
            await db.SaveChangesAsync(cancellationToken);
            await QueuePledgeEmailAsync(drive, donation, cancellationToken);
            logger.LogInformation("Pledge {DonationId} recorded for drive {DriveId}", donation.Id, drive.Id);
            return new DonationOutcome(ThanksPath(drive.Slug, donation.AccessKey), false);
        }

        Session session;
        try
        {
            session = await CreateCheckoutAsync(drive, donation, donation.ViaMemberId is null ? null : form.Via, cancellationToken);
        }
        catch (Exception ex) when (ex is StripeException or HttpRequestException or TaskCanceledException)
        {
            // Nothing is saved: the donor sees a message and can simply try again.
            logger.LogWarning(ex, "Stripe Checkout could not be created for drive {DriveId}", drive.Id);
            errors[""] = "Card payments are unavailable right now. Nothing was charged; please try again in a few minutes.";
            return DonationOutcome.Invalid;
        }

        donation.StripeCheckoutSessionId = session.Id;
        db.Donations.Add(donation);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Checkout {SessionId} opened for donation {DonationId}", session.Id, donation.Id);
        return new DonationOutcome(session.Url, true);
    }

    public static string ThanksPath(string slug, string accessKey) => $"/aid/{slug}/thanks/{accessKey}";

    private async Task<Session> CreateCheckoutAsync(DriveView drive, Donation donation, string? via, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var metadata = new Dictionary<string, string>
        {
            ["donation_id"] = donation.Id.ToString(),
            ["drive"] = drive.Slug,
        };
        var monthly = donation.Frequency == DonationFrequency.Monthly;
        var create = new SessionCreateOptions
        {
            Mode = monthly ? "subscription" : "payment",
            ClientReferenceId = donation.Id.ToString(),
            CustomerEmail = donation.DonorEmail,
            Metadata = metadata,
            SuccessUrl = baseUrl + ThanksPath(drive.Slug, donation.AccessKey),
            CancelUrl = $"{baseUrl}/aid/{drive.Slug}/donate" + (via is null ? "" : "?via=" + Uri.EscapeDataString(via)),
            Locale = "auto",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = donation.Currency.ToLowerInvariant(),
                        UnitAmount = donation.AmountMinor,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = drive.Title },
                        Recurring = monthly ? new SessionLineItemPriceDataRecurringOptions { Interval = "month" } : null,
                    },
                },
            ],

            // The metadata travels to the payment intent, its charges and the subscription's invoices, so every
            // later event finds its donation whatever order they arrive in.
            PaymentIntentData = monthly ? null : new SessionPaymentIntentDataOptions { Metadata = metadata },
            SubscriptionData = monthly ? new SessionSubscriptionDataOptions { Metadata = metadata } : null,
        };
        var request = new RequestOptions { IdempotencyKey = $"checkout-{donation.Id}" };
        return await new SessionService(stripe.Client).CreateAsync(create, request, cancellationToken);
    }

    private async Task QueuePledgeEmailAsync(DriveView drive, Donation donation, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.GetCultureInfo(donation.Culture);
        var model = new PledgeEmailModel(
            donation.DonorName ?? "",
            drive.Title,
            Money.Format(donation.AmountMinor, donation.Currency, culture),
            PledgeReference(donation.Id),
            drive.PaymentInstructions,
            options.Value.PublicBaseUrl.TrimEnd('/') + ThanksPath(drive.Slug, donation.AccessKey));
        await emails.QueueAsync(new EmailMessage(donation.DonorEmail!, donation.DonorName, "How to pay your pledge", "Aid/Emails/PledgeInstructions", model, donation.Culture), "aid-pledge", cancellationToken);
    }

    /// <summary>What the donor writes on the transfer, so a coordinator can match it.</summary>
    public static string PledgeReference(Guid donationId) => "P-" + donationId.ToString("N")[^8..].ToUpperInvariant();
}

public sealed record PledgeEmailModel(string DonorName, string DriveTitle, string Amount, string Reference, string Instructions, string DonationLink);

public sealed record DonationOutcome(string? RedirectUrl, bool External)
{
    public static readonly DonationOutcome Invalid = new(null, false);
}
