using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Features.Aid.Admin;

namespace Campaigns.Tests.Domain.Aid;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("25", 2500L)]
    [InlineData("25.5", 2550L)]
    [InlineData("25,50", 2550L)]
    [InlineData(" 0.01 ", 1L)]
    public void Amounts_in_major_units_become_exact_minor_units(string text, long expected) =>
        Assert.Equal(expected, Money.ParseMajor(text));

    [Theory]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("1.234")]
    [InlineData("1e5")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public void Negative_non_numeric_or_over_precise_amounts_are_not_amounts(string text) =>
        Assert.Null(Money.ParseMajor(text));

    [Fact]
    public void Only_the_offered_currencies_are_supported()
    {
        Assert.True(Money.IsSupported("eur"));
        Assert.False(Money.IsSupported("XYZ"));
    }

    [Fact]
    public void A_receipt_number_is_the_same_for_the_same_payment()
    {
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(LedgerEntry.ReceiptNumberFor("stripe:payment:pi_1", at), LedgerEntry.ReceiptNumberFor("stripe:payment:pi_1", at));
        Assert.NotEqual(LedgerEntry.ReceiptNumberFor("stripe:payment:pi_1", at), LedgerEntry.ReceiptNumberFor("stripe:payment:pi_2", at));
        Assert.StartsWith("R2026-", LedgerEntry.ReceiptNumberFor("x", at), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_cell_never_starts_a_spreadsheet_formula()
    {
        Assert.Equal("\"'=HYPERLINK(1)\"", AidAdminController.Cell("=HYPERLINK(1)"));
        Assert.Equal("\"-30.00\"", AidAdminController.Cell("-30.00"));
        Assert.Equal("\"say \"\"hi\"\"\"", AidAdminController.Cell("say \"hi\""));
    }
}
