using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Campaigns.Web.Features.Accounts;

[Route("account/two-factor")]
public sealed class TwoFactorController(
    SignInManager<CampaignsUser> signIn,
    UserManager<CampaignsUser> users,
    ManageTwoFactor twoFactor,
    SendAccountEmail accountEmail,
    FreezeAccount freeze,
    KnownDevice knownDevice,
    ILogger<TwoFactorController> logger,
    IStringLocalizer<SharedResource> T) : Controller
{
    public const string SetupPath = "/account/two-factor/setup";

    [HttpGet("")]
    public async Task<IActionResult> Status()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View("TwoFactor", await twoFactor.StatusAsync(user, User));
    }

    [HttpGet("setup")]
    public async Task<IActionResult> Setup()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return user.TwoFactorEnabled ? Redirect("/account/two-factor") : View("TwoFactorSetup", await twoFactor.SetupAsync(user, User));
    }

    [HttpPost("setup/key")]
    public async Task<IActionResult> NewKey()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Replacing the key of an enabled setup would silently switch it off for the app that holds it.
        if (!user.TwoFactorEnabled)
        {
            await twoFactor.NewKeyAsync(user);

            // The new key changes the security stamp, which would end this very session on its next request.
            await signIn.RefreshSignInAsync(user);
        }

        return Redirect(SetupPath);
    }

    [HttpPost("setup")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Enable(AuthenticatorCodeForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect("/account/two-factor");
        }

        var codes = ModelState.IsValid ? await twoFactor.EnableAsync(user, form.Code) : null;
        if (codes is null)
        {
            ModelState.AddModelError(nameof(form.Code), T["The code is not right. Check the time on your phone and try the newest code."]);
            return View("TwoFactorSetup", await twoFactor.SetupAsync(user, User));
        }

        logger.LogInformation("Two-step verification enabled for user {UserId}", user.Id);
        await signIn.RefreshSignInAsync(user);
        return View("RecoveryCodes", new RecoveryCodesModel(codes));
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return Redirect(SetupPath);
        }

        var codes = await twoFactor.NewRecoveryCodesAsync(user);
        logger.LogInformation("Recovery codes replaced for user {UserId}", user.Id);
        return View("RecoveryCodes", new RecoveryCodesModel(codes));
    }

    [HttpPost("disable")]
    public async Task<IActionResult> Disable(DisableTwoFactorForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ManageTwoFactor.IsRequiredFor(User))
        {
            return Forbid();
        }

        if (!ModelState.IsValid || !await twoFactor.DisableAsync(user, User, form.CurrentPassword))
        {
            ModelState.AddModelError(nameof(form.CurrentPassword), T["The current password is not right."]);
            return View("TwoFactor", await twoFactor.StatusAsync(user, User));
        }

        logger.LogInformation("Two-step verification disabled for user {UserId}", user.Id);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = T["Two-step verification is off."].Value;
        return Redirect("/account/two-factor");
    }

    [AllowAnonymous]
    [HttpGet("signin")]
    public async Task<IActionResult> SignIn(string? returnUrl, bool rememberMe)
    {
        // Only after the password: the pending sign-in lives in a short-lived cookie of its own.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect("/account/signin");
        }

        return View("TwoFactorSignIn", new TwoFactorSignInForm { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [AllowAnonymous]
    [HttpPost("signin")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(TwoFactorSignInForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/signin");
        }

        if (!ModelState.IsValid)
        {
            return View("TwoFactorSignIn", form);
        }

        SignInResult result;
        if (ManageTwoFactor.IsAuthenticatorCode(form.Code))
        {
            // Counts a wrong code toward the same lockout as wrong passwords.
            result = await signIn.TwoFactorAuthenticatorSignInAsync(ManageTwoFactor.Normalize(form.Code), form.RememberMe, form.RememberDevice);
        }
        else
        {
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code.Trim());
            if (result == SignInResult.Failed)
            {
                // Identity does not count wrong recovery codes; guessing them must cost as much as guessing app codes.
                await users.AccessFailedAsync(user);
                if (await users.IsLockedOutAsync(user))
                {
                    result = SignInResult.LockedOut;
                }
            }
            else if (result.Succeeded)
            {
                logger.LogInformation("Recovery code used by user {UserId}", user.Id);
            }
        }

        if (result.Succeeded)
        {
            knownDevice.Remember(HttpContext, user.Id);
            if (await twoFactor.IsRequiredForAsync(user))
            {
                await accountEmail.SignInNoticeAsync(user, freeze.CreateToken(user.Id), HttpContext.RequestAborted);
            }

            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? T["This account is locked after too many failed attempts. Try again in 15 minutes, or reset your password."]
            : T["The code is not right."]);
        return View("TwoFactorSignIn", form);
    }
}
