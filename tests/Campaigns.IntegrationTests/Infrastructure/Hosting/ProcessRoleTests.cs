using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Infrastructure.Hosting;

public sealed class WorkerAppFactory : CampaignsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Campaigns:Role", "Worker");
    }
}

public sealed class ProcessRoleTests(WorkerAppFactory worker) : AppTestBase(worker), IClassFixture<WorkerAppFactory>
{
    [Fact]
    public async Task A_worker_serves_health_but_no_pages()
    {
        var browser = NewBrowser();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/account/signin")).StatusCode);
    }

    [Fact]
    public async Task A_worker_runs_the_jobs()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailQueue>().QueueAsync(
            new EmailMessage("worker@example.org", null, "Reset your password", "Accounts/Emails/ResetPassword", new Web.Features.Accounts.AccountEmailModel("W", "http://localhost/w"), "en"),
            "test",
            CancellationToken.None);

        await App.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "worker@example.org"), TimeSpan.FromSeconds(20));
    }
}
