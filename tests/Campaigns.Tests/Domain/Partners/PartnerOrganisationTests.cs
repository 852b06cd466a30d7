using Campaigns.Web.Domain.Partners;

namespace Campaigns.Tests.Domain.Partners;

public sealed class PartnerOrganisationTests
{
    private static PartnerOrganisation Partner(ProfileVisibility visibility) => new()
    {
        Name = "Defensoras del Río Cauca",
        PublicName = "Women river defenders in Colombia",
        Slug = "defensoras-del-rio",
        CountryCode = "CO",
        Sector = "Environment",
        Visibility = visibility,
    };

    [Fact]
    public void A_protected_partner_is_shown_by_its_public_name_only() =>
        Assert.Equal("Women river defenders in Colombia", Partner(ProfileVisibility.Protected).DisplayName);

    [Fact]
    public void A_partner_that_chose_a_public_profile_is_shown_by_its_own_name() =>
        Assert.Equal("Defensoras del Río Cauca", Partner(ProfileVisibility.Public).DisplayName);

    [Fact]
    public void A_new_partner_is_protected_until_someone_decides_otherwise() =>
        Assert.Equal(ProfileVisibility.Protected, new PartnerOrganisation { Name = "x", PublicName = "y", Slug = "x", CountryCode = "GT", Sector = "s" }.Visibility);
}
