namespace Campaigns.Web.Domain.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Volunteer = "Volunteer";
    public const string Partner = "Partner";
    public const string Supporter = "Supporter";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Volunteer, Partner, Supporter];
}
