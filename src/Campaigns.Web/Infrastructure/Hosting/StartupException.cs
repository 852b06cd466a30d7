namespace Campaigns.Web.Infrastructure.Hosting;

/// <summary>A problem an operator can fix: the message names the setting and is printed as one line.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
