using System.Linq.Expressions;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>Who a send goes to: confirmed, not paused, not suppressed, and matching its languages, topics and actors.</summary>
public static class AlertAudience
{
    public static IQueryable<AlertSubscriber> Query(CampaignsDbContext db, AlertSend send)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(send);
        var query = db.AlertSubscribers.Where(s => s.Status == SubscriberStatus.Active && !db.SuppressedAddresses.Any(x => x.Email == s.Email));
        var languages = TagList.Parse(send.Languages);
        if (languages.Count > 0)
        {
            query = query.Where(s => languages.Contains(s.Language));
        }

        var interests = TagList.Parse(send.Interests);
        if (interests.Count > 0)
        {
            query = query.Where(FollowsAny(interests));
        }

        if (send.OnlyThoseWhoActed)
        {
            var actionId = send.UrgentActionId;
            query = query.Where(s => db.ActionsTaken.Any(a => a.UrgentActionId == actionId && a.SubscriberId == s.Id));
        }

        return query;
    }

    /// <summary>Someone who picked no topic follows everything.</summary>
    private static Expression<Func<AlertSubscriber, bool>> FollowsAny(IEnumerable<string> codes)
    {
        var subscriber = Expression.Parameter(typeof(AlertSubscriber), "s");
        var interests = Expression.Property(subscriber, nameof(AlertSubscriber.Interests));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression body = Expression.Equal(interests, Expression.Constant(""));
        foreach (var code in codes)
        {
            body = Expression.OrElse(body, Expression.Call(interests, contains, Expression.Constant(TagList.Marker(code))));
        }

        return Expression.Lambda<Func<AlertSubscriber, bool>>(body, subscriber);
    }
}
