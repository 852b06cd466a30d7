namespace Campaigns.Web.Domain.Partners;

public enum ProfileVisibility
{
    /// <summary>Only the public name and country appear on public pages; the real name stays with staff.</summary>
    Protected = 0,

    /// <summary>The partner chose to be named publicly.</summary>
    Public = 1,
}
