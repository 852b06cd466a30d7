using Campaigns.Web.Infrastructure.Email;

namespace Campaigns.Tests.Infrastructure.Email;

public sealed class SendQueuedEmailJobTests
{
    private static readonly QueuedEmail Email = new()
    {
        Id = Guid.Parse("0193a7a0-0000-7000-8000-000000000001"),
        ToAddress = "activist@example.org",
        ToName = "Ana",
        Subject = "Reset your password",
        HtmlBody = "<p>Hello</p>",
        TextBody = "Hello",
        Kind = "account-reset",
    };

    [Fact]
    public void The_message_carries_both_an_html_and_a_text_body()
    {
        var message = SendQueuedEmailJob.ToMime(Email, new EmailOptions());

        Assert.Equal("<p>Hello</p>", message.HtmlBody);
        Assert.Equal("Hello", message.TextBody);
    }

    [Fact]
    public void A_repeated_send_of_the_same_email_has_the_same_message_id()
    {
        var first = SendQueuedEmailJob.ToMime(Email, new EmailOptions());
        var second = SendQueuedEmailJob.ToMime(Email, new EmailOptions());

        Assert.Equal(first.MessageId, second.MessageId);
    }
}
