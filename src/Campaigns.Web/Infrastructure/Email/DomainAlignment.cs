namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// DMARC's relaxed alignment, kept simple: the DKIM domain and the From address's domain align when they share an
/// organisational domain, so example.org signs for campaigns@example.org and for campaigns@mail.example.org, and
/// mail.example.org for campaigns@example.org. The organisational domain is taken as the last two labels, or the
/// last three when the last two look like a country's second level (two-letter top level and a second label of
/// at most three letters: co.uk, com.au, org.br). Without the Public Suffix List this can be wrong for the rare
/// suffix it does not recognise; it errs on refusing, never on accepting a foreign domain.
/// </summary>
public static class DomainAlignment
{
    public static bool Aligned(string dkimDomain, string fromDomain)
    {
        ArgumentNullException.ThrowIfNull(dkimDomain);
        ArgumentNullException.ThrowIfNull(fromDomain);
        return string.Equals(Organisational(dkimDomain), Organisational(fromDomain), StringComparison.OrdinalIgnoreCase);
    }

    public static string Organisational(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var labels = domain.Trim().TrimEnd('.').ToLowerInvariant().Split('.');
        var take = labels.Length >= 3 && labels[^1].Length == 2 && labels[^2].Length <= 3 ? 3 : 2;
        return string.Join('.', labels.TakeLast(Math.Min(take, labels.Length)));
    }
}
