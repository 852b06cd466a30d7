using Campaigns.Web.Domain.Identity;

namespace Campaigns.Tests.Domain.Identity;

public sealed class PasswordPolicyTests
{
    private static readonly HashSet<string> Common = ["password1234", "qwertyuiop123"];

    [Fact]
    public void Eleven_characters_are_too_short() =>
        Assert.Equal(PasswordVerdict.TooShort, PasswordPolicy.Check("river-stone", Common));

    [Fact]
    public void Twelve_characters_without_digits_capitals_or_symbols_are_enough() =>
        Assert.Equal(PasswordVerdict.Acceptable, PasswordPolicy.Check("riverstonebo", Common));

    [Fact]
    public void A_long_passphrase_with_spaces_and_any_script_is_accepted() =>
        Assert.Equal(PasswordVerdict.Acceptable, PasswordPolicy.Check("la tierra es de quien la trabaja — 土地", Common));

    [Fact]
    public void More_than_128_characters_are_refused() =>
        Assert.Equal(PasswordVerdict.TooLong, PasswordPolicy.Check(new string('x', 64) + new string('y', 65), Common));

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    public void A_password_on_the_blocklist_is_refused_whatever_its_case(string password) =>
        Assert.Equal(PasswordVerdict.Common, PasswordPolicy.Check(password, Common));

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    [InlineData("123412341234")]
    public void One_short_unit_repeated_is_refused_as_common(string password) =>
        Assert.Equal(PasswordVerdict.Common, PasswordPolicy.Check(password, Common));

    [Fact]
    public void A_password_containing_the_email_name_is_refused() =>
        Assert.Equal(PasswordVerdict.ContainsPersonalData, PasswordPolicy.Check("my name is lidia.m!", Common, "lidia.m@example.org"));
}
