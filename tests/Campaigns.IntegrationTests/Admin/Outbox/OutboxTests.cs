using Campaigns.Web.Features.Admin.Outbox;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.IntegrationTests.Admin.Outbox;

/// <summary>The embedded default's mail path: pickup folder in, outbox out, on the real file system.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"campaigns-outbox-{Guid.NewGuid():N}");
    private readonly PickupFolder pickup;

    public OutboxTests()
    {
        pickup = new PickupFolder(Options.Create(new EmailOptions { PickupDirectory = folder }), new Environment(folder));
    }

    [Fact]
    public async Task A_message_written_to_the_pickup_folder_is_listed_and_shown_in_the_outbox()
    {
        var message = new MimeMessage { Subject = "Bienvenida" };
        message.From.Add(new MailboxAddress("Campaigns", "campaigns@example.org"));
        message.To.Add(new MailboxAddress("Ana", "ana@example.org"));
        message.Body = new BodyBuilder { HtmlBody = "<p>Hola</p>", TextBody = "Hola" }.ToMessageBody();

        await new PickupFolderEmailTransport(pickup).SendAsync(message, CancellationToken.None);
        var outbox = new ReadOutbox(pickup);
        var row = Assert.Single(await outbox.ListAsync(CancellationToken.None));
        var shown = await outbox.FindAsync(row.Name, CancellationToken.None);

        Assert.Equal("Bienvenida", row.Subject);
        Assert.Equal("Hola", shown!.TextBody?.Trim());
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("a/b")]
    public async Task The_outbox_never_reads_a_path_outside_its_folder(string name) =>
        Assert.Null(await new ReadOutbox(pickup).FindAsync(name, CancellationToken.None));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Campaigns.Web";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
