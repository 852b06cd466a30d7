using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace Campaigns.Tests.Infrastructure.Hosting;

public sealed class ConfigurationValidationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void An_unknown_database_provider_is_refused_with_a_message_naming_the_setting()
    {
        var ex = Assert.Throws<StartupException>(() =>
            ValidatedConfiguration.Read<DatabaseOptions>(Config(("Database:Provider", "Oracle")), DatabaseOptions.Section));

        Assert.Contains("Database:Provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Oracle", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public void An_smtp_port_outside_1_to_65535_is_refused_naming_the_port(string port)
    {
        var ex = Assert.Throws<StartupException>(() =>
            ValidatedConfiguration.Read<EmailOptions>(Config(("Email:Port", port)), EmailOptions.Section));

        Assert.Contains("Email:Port", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_that_is_not_a_number_is_refused_naming_the_port()
    {
        var ex = Assert.Throws<StartupException>(() =>
            ValidatedConfiguration.Read<EmailOptions>(Config(("Email:Port", "smtp")), EmailOptions.Section));

        Assert.Contains("Email:Port", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_delivery_without_a_host_is_refused_naming_the_host()
    {
        var ex = Assert.Throws<StartupException>(() =>
            ValidatedConfiguration.Read<EmailOptions>(Config(("Email:Delivery", "Smtp")), EmailOptions.Section));

        Assert.Contains("Email:Host", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_defaults_are_valid_without_any_setting()
    {
        var empty = Config();

        Assert.Equal(DatabaseProvider.Sqlite, ValidatedConfiguration.Read<DatabaseOptions>(empty, DatabaseOptions.Section).Provider);
        Assert.Equal(EmailDelivery.Pickup, ValidatedConfiguration.Read<EmailOptions>(empty, EmailOptions.Section).Delivery);
    }
}
