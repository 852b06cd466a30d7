using Campaigns.Web.Domain.Privacy;
using Campaigns.Web.Features.Privacy;
using Campaigns.Web.Features.Privacy.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Campaigns.Tests.Features.Privacy;

public sealed class RetentionOptionsTests
{
    private static RetentionOptions Read(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations();
        return services.BuildServiceProvider().GetRequiredService<IOptions<RetentionOptions>>().Value;
    }

    [Fact]
    public void Defaults_keep_delivery_logs_90_days_check_ins_a_year_and_sent_emails_30_days()
    {
        var options = Read();
        Assert.Equal(90, options.AlertDeliveryLogs);
        Assert.Equal(365, options.CheckIns);
        Assert.Equal(30, options.SentEmails);
        Assert.Equal(180, options.StripeEvents);
    }

    [Theory]
    [InlineData("Retention:SentEmails", "0")]
    [InlineData("Retention:CheckIns", "100000")]
    [InlineData("Retention:BatchSize", "1")]
    public void A_retention_outside_its_range_is_refused_naming_the_setting(string key, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Read((key, value)));
        Assert.Contains(key.Split(':')[1], ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_hashes_the_same_whatever_its_case_and_spaces_and_never_contains_it()
    {
        var hash = ErasureRecord.HashOf(" Someone@Example.org ");
        Assert.Equal(ErasureRecord.HashOf("someone@example.org"), hash);
        Assert.StartsWith("sha256:", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("someone", hash, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Redaction_replaces_the_address_in_any_case_and_names_as_typed_or_encoded_but_not_inside_other_words()
    {
        var text = "Mail SOMEONE@example.org about O'Neil (O&#x27;Neil) and Ana, not banana.";
        var redacted = ErasureJob.Redact(text, "someone@example.org", ["O'Neil", "Ana"]);
        Assert.Equal("Mail [erased] about [erased] ([erased]) and [erased], not banana.", redacted);
    }
}
