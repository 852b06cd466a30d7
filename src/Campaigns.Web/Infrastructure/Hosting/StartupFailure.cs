using Microsoft.Extensions.Options;

namespace Campaigns.Web.Infrastructure.Hosting;

internal static class StartupFailure
{
    public static bool IsOperatorError(Exception ex) =>
        ex is StartupException or OptionsValidationException
        || (ex is AggregateException aggregate && aggregate.InnerExceptions.All(IsOperatorError));

    public static string Describe(Exception ex) => ex switch
    {
        OptionsValidationException options => $"{options.OptionsType.Name}: {string.Join("; ", options.Failures)}",
        AggregateException aggregate => string.Join("; ", aggregate.InnerExceptions.Select(Describe)),
        _ => ex.Message,
    };
}
