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

    /// <summary>
    /// Signs in as a person would: the password, then, when the account has two-step verification (every staff user
    /// from <see cref="TestUsers"/>), a code from the authenticator app. Returns the last response.
    /// </summary>
    protected static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var response = await PostFormAsync(browser, "/account/signin", "/account/signin", ("Email", email), ("Password", password));
        return IsSecondStep(response, out var secondStep)
            ? await SecondStepAsync(browser, secondStep, await Totp.FreshAsync(TestUsers.AuthenticatorKeyFor(email)))
            : response;
    }

    protected static bool IsSecondStep(HttpResponseMessage response, out string location)
    {
        location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/account/two-factor/signin", StringComparison.Ordinal);
    }

    /// <summary>Posts a code (or a recovery code) to the second step at <paramref name="secondStep"/>.</summary>
    protected static Task<HttpResponseMessage> SecondStepAsync(HttpClient browser, string secondStep, string code, bool rememberDevice = false)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), secondStep).Query);
        return PostFormAsync(browser, secondStep, "/account/two-factor/signin",
            ("Code", code), ("ReturnUrl", query["returnUrl"].ToString()), ("RememberMe", query["rememberMe"].ToString()),
            ("RememberDevice", rememberDevice ? "true" : "false"));
    }

    /// <summary>Turns two-step verification on through the pages, as a person with an app would; returns the key and recovery codes.</summary>
    protected static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(HttpClient browser)
    {
        var keyMade = await PostFormAsync(browser, "/account/two-factor/setup", "/account/two-factor/setup/key");
        Assert.Equal(HttpStatusCode.Redirect, keyMade.StatusCode);
        var setup = await browser.GetStringAsync("/account/two-factor/setup");
        var key = KeyPattern().Match(setup) is { Success: true } match
            ? match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            : throw new InvalidOperationException("No authenticator key on the setup page");
        var enabled = await PostFormAsync(browser, "/account/two-factor/setup", "/account/two-factor/setup", ("Code", await Totp.FreshAsync(key)));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = RecoveryCodePattern().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.True(codes.Count == 10, "Two-step verification was not turned on");
        return (key, codes);
    }

    [GeneratedRegex("data-authenticator-key>([a-z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
