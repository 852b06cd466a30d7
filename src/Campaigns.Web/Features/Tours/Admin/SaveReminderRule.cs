using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours.Admin;

public sealed class ReminderRuleForm
{
    public bool Enabled { get; set; }

    [Range(0, 10000, ErrorMessage = "Enter a number of hours or days from 0.")]
    [Display(Name = "How long")]
    public int Amount { get; set; }

    [Display(Name = "Unit")]
    public string Unit { get; set; } = "hours";

    [Display(Name = "Before or after")]
    public string Direction { get; set; } = "before";

    [StringLength(2000)]
    [Display(Name = "Your own words (optional)")]
    public string? CustomText { get; set; }
}

/// <summary>A coordinator turns one of a tour's reminders on or off, moves it, or adds their own words.</summary>
public sealed class SaveReminderRule(CampaignsDbContext db)
{
    public async Task<bool> HandleAsync(Guid tourId, Guid ruleId, ReminderRuleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var rule = await db.ReminderRules.SingleOrDefaultAsync(r => r.Id == ruleId && r.ScopeId == tourId, cancellationToken);
        if (rule is null)
        {
            return false;
        }

        var minutes = form.Amount * (form.Unit == "days" ? 24 * 60 : 60);
        rule.OffsetMinutes = form.Direction == "after" ? minutes : -minutes;
        rule.Enabled = form.Enabled;
        rule.CustomText = string.IsNullOrWhiteSpace(form.CustomText) ? null : form.CustomText.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static ReminderRuleForm ToForm(Infrastructure.Reminders.ReminderRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var minutes = Math.Abs(rule.OffsetMinutes);
        var days = minutes % (24 * 60) == 0 && minutes > 0;
        return new ReminderRuleForm
        {
            Enabled = rule.Enabled,
            Amount = days ? minutes / (24 * 60) : minutes / 60,
            Unit = days ? "days" : "hours",
            Direction = rule.OffsetMinutes > 0 ? "after" : "before",
            CustomText = rule.CustomText,
        };
    }
}
