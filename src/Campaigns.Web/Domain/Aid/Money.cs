using System.Globalization;

namespace Campaigns.Web.Domain.Aid;

/// <summary>
/// Amounts are long minor units with an ISO 4217 code. Every currency we accept has two decimals, so the
/// conversion is one rule; amounts in different currencies are never added together.
/// </summary>
public static class Money
{
    public static readonly IReadOnlyList<string> SupportedCurrencies = ["EUR", "USD", "GBP", "CHF", "CAD", "SEK", "NOK", "DKK"];

    public static bool IsSupported(string? currency) =>
        currency is not null && SupportedCurrencies.Contains(currency.ToUpperInvariant());

    /// <summary>Reads "25", "25.50" or "25,50"; null for anything else, including negatives and more than two decimals.</summary>
    public static long? ParseMajor(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalised = text.Trim().Replace(',', '.');
        if (normalised.Length > 15
            || !decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major)
            || major.Scale > 2)
        {
            return null;
        }

        return (long)(major * 100);
    }

    public static string Format(long minor, string currency, IFormatProvider? culture = null)
    {
        var major = minor / 100m;
        return string.Create(culture ?? CultureInfo.CurrentCulture, $"{major:N2} {currency}");
    }

    /// <summary>Machine-readable, for CSV: invariant culture, dot, no grouping.</summary>
    public static string Invariant(long minor) => (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
