using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Jobs;
using Campaigns.Web.Infrastructure.Localization;
using Campaigns.Web.Infrastructure.Security;
using Campaigns.Web.Infrastructure.Telemetry;

var command = args.FirstOrDefault() is "migrate" ? "migrate" : "serve";
var builder = WebApplication.CreateBuilder(command == "migrate" ? args[1..] : args);
try
{
    builder.AddCampaignsLogging();
    var role = builder.AddCampaignsHosting();
    builder.Services
        .AddCampaignsData(builder.Configuration, builder.Environment)
        .AddCampaignsSecurity()
        .AddCampaignsRateLimits(builder.Configuration)
        .AddCampaignsEmail(builder.Configuration)
        .AddCampaignsJobs(builder.Configuration, builder.Environment, role)
        .AddCampaignsTelemetry(builder.Configuration)
        .AddCampaignsLocalization()
        .AddCampaignsMvc()
        .AddCampaignsFeatures();

    var app = builder.Build();
    if (command == "migrate")
    {
        await app.MigrateCampaignsAsync();
        return 0;
    }

    app.UseCampaignsPipeline(role);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.IsOperatorError(ex))
{
    // An operator fixes these by changing one setting: one line naming it, no stack trace.
    await Console.Error.WriteLineAsync($"Campaigns cannot start: {StartupFailure.Describe(ex)}");
    return 1;
}

public partial class Program;
