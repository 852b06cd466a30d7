using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Data;
using Campaigns.Web.Domain;
using Campaigns.Web.Domain.Alerts;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Admin.Topics;

public sealed class TopicForm
{
    [Required(ErrorMessage = "Enter the name subscribers will see.")]
    [StringLength(100)]
    public string Name { get; set; } = "";

    public TopicKind Kind { get; set; } = TopicKind.Issue;
}

/// <summary>
/// Adds an issue or region to the list subscribers choose from, or renames one. The code is made once from the
/// first name and never changes: subscribers' interests and actions' tags refer to it.
/// </summary>
public sealed class SaveTopic(CampaignsDbContext db, TimeProvider clock)
{
    /// <returns>Null when saved, otherwise the message to show.</returns>
    public async Task<string?> HandleAsync(Guid? topicId, TopicForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var name = form.Name.Trim();
        var kind = Enum.IsDefined(form.Kind) ? form.Kind : TopicKind.Issue;
        if (await db.AlertTopics.AnyAsync(t => t.Id != topicId && t.Name.ToLower() == name.ToLower(), cancellationToken))
        {
            return "There is already a topic with this name.";
        }

        if (topicId is { } id)
        {
            var topic = await db.AlertTopics.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (topic is null)
            {
                return "This topic no longer exists.";
            }

            topic.Name = name;
            topic.Kind = kind;
        }
        else
        {
            var code = Slug.From(name);
            if (code.Length == 0)
            {
                return "Enter a name with at least one letter or digit.";
            }

            if (await db.AlertTopics.AnyAsync(t => t.Code == code, cancellationToken))
            {
                return "There is already a topic with this name.";
            }

            db.AlertTopics.Add(new AlertTopic { Id = Guid.CreateVersion7(clock.GetUtcNow()), Code = code, Kind = kind, Name = name });
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
