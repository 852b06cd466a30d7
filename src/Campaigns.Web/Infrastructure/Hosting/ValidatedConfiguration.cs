using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Infrastructure.Hosting;

internal static class ValidatedConfiguration
{
    /// <summary>
    /// Registers options bound to their section, validated with data annotations at start, and returns the value
    /// as configured now for decisions that must be taken while services are registered.
    /// </summary>
    public static T AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, new()
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return Read<T>(configuration, section);
    }

    public static T Read<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var value = new T();
        try
        {
            configuration.GetSection(section).Bind(value);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert; that is the message an operator needs.
            throw new StartupException(ex.Message, ex);
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            var problems = results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}");
            throw new StartupException(string.Join("; ", problems));
        }

        return value;
    }
}
