namespace Campaigns.Web.Features.Alerts;

/// <summary>Who reported an action, as stored in <see cref="Domain.Alerts.ActionTaken.OnceKey"/>: never a name or an address.</summary>
public static class Participant
{
    public static string Subscriber(Guid id) => $"subscriber:{id:N}";

    public static string User(Guid id) => $"user:{id:N}";

    public static string Browser(Guid id) => $"browser:{id:N}";
}
