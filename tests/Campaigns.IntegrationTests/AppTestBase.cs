using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Campaigns.IntegrationTests;

/// <summary>
/// A test class with the app on its own PostgreSQL database. Helpers speak HTTP the way a browser would:
/// cookies kept, the antiforgery token read from the form before posting it.
/// </summary>
[Collection(AppCollection.Name)]
public abstract partial class AppTestBase(CampaignsAppFactory app)
{
    protected CampaignsAppFactory App { get; } = app;

    protected HttpClient NewBrowser() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string formPage)
    {
        var html = await browser.GetStringAsync(formPage);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {formPage}");
    }

    /// <summary>GETs the form page for its token, then POSTs the fields with it.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string formPage, string action, params (string Key, string Value)[] fields)
    {
        var token = await AntiforgeryTokenAsync(browser, formPage);
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await browser.PostAsync(action, content);
    }

    protected static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        PostFormAsync(browser, "/account/signin", "/account/signin", ("Email", email), ("Password", password));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
