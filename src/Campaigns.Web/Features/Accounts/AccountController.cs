using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Campaigns.Web.Features.Accounts;

[Route("account")]
public sealed class AccountController(
    SignInManager<CampaignsUser> signIn,
    UserManager<CampaignsUser> users,
    SendAccountEmail accountEmail,
    FreezeAccount freeze,
    KnownDevice knownDevice,
    TimeProvider clock,
    ILogger<AccountController> logger,
    IStringLocalizer<SharedResource> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(new ChangePasswordForm());
    }

    [AllowAnonymous]
    [HttpGet("signin")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("signin")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        // The checkbox helper cannot redisplay a non-boolean attempted value (it throws); forget it instead.
        if (ModelState.GetFieldValidationState(nameof(form.RememberMe)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.Remove(nameof(form.RememberMe));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email);
        if (user is { FrozenAt: not null } && await users.CheckPasswordAsync(user, form.Password))
        {
            ModelState.AddModelError("", T["This account is frozen. An administrator can unfreeze it."]);
            return View(form);
        }

        if (user is not null)
        {
            if (user.FrozenAt is null && await users.IsLockedOutAsync(user) && knownDevice.IsKnown(HttpContext, user.Id))
            {
                await LiftLockoutOnKnownDeviceAsync(user, form.Password);
            }

            // Lockout on: five wrong passwords lock the account for fifteen minutes (ASVS V6).
            var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                knownDevice.Remember(HttpContext, user.Id);
                if (await users.IsInRoleAsync(user, Roles.Admin) || await users.IsInRoleAsync(user, Roles.Coordinator))
                {
                    // Staff hold other people's safety: tell them of each sign-in, with a way to freeze the account.
                    await accountEmail.SignInNoticeAsync(user, freeze.CreateToken(user.Id), HttpContext.RequestAborted);
                }

                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
            }

            if (result.RequiresTwoFactor)
            {
                var returnUrl = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/";
                return Redirect($"/account/two-factor/signin?returnUrl={Uri.EscapeDataString(returnUrl)}&rememberMe={(form.RememberMe ? "true" : "false")}");
            }

            if (result.IsLockedOut)
            {
                ModelState.AddModelError("", T["This account is locked after too many failed attempts. Try again in 15 minutes, or reset your password."]);
                return View(form);
            }

            if (result.IsNotAllowed)
            {
                ModelState.AddModelError("", T["Confirm your email address first: follow the link in the email we sent you."]);
                return View(form);
            }
        }

        // The same answer whether or not the address has an account, so the form reveals nobody's membership.
        ModelState.AddModelError("", T["The email address or password is not right."]);
        return View(form);
    }

    [HttpPost("signout")]
    public async Task<IActionResult> SignOutNow()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [AllowAnonymous]
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [AllowAnonymous]
    [HttpPost("register")]
    [EnableRateLimiting(RateLimits.AccountEmail)]
    public async Task<IActionResult> Register(RegisterForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var existing = await users.FindByEmailAsync(form.Email);
        if (existing is null)
        {
            var user = new CampaignsUser
            {
                Id = Guid.CreateVersion7(),
                UserName = form.Email,
                Email = form.Email,
                DisplayName = form.DisplayName.Trim(),
                CreatedAt = clock.GetUtcNow(),
                Culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            };
            var created = await users.CreateAsync(user, form.Password);
            if (!created.Succeeded)
            {
                AddErrors(created);
                return View(form);
            }

            await users.AddToRoleAsync(user, Roles.Supporter);
            await accountEmail.ConfirmationAsync(user, cancellationToken);
        }
        else if (!existing.EmailConfirmed)
        {
            await accountEmail.ConfirmationAsync(existing, cancellationToken);
        }

        return View("CheckYourEmail");
    }

    [AllowAnonymous]
    [HttpGet("confirm-email")]
    public IActionResult ConfirmEmail(Guid userId, string code) => View(new ConfirmEmailModel(userId, code));

    /// <summary>A POST, not the GET of the link: mail scanners open links, and opening must change nothing.</summary>
    [AllowAnonymous]
    [HttpPost("confirm-email")]
    public async Task<IActionResult> ConfirmEmailPost(Guid userId, string code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        var result = user is null ? IdentityResult.Failed() : await users.ConfirmEmailAsync(user, SendAccountEmail.Decode(code));
        if (!result.Succeeded)
        {
            return View("LinkExpired");
        }

        TempData["Notice"] = T["Your email address is confirmed. You can sign in now."].Value;
        return Redirect("/account/signin");
    }

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new EmailForm());

    [AllowAnonymous]
    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimits.AccountEmail)]
    public async Task<IActionResult> ForgotPassword(EmailForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email);
        if (user is { EmailConfirmed: true })
        {
            await accountEmail.PasswordResetAsync(user, cancellationToken);
        }

        return View("CheckYourEmail");
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(Guid userId, string code) =>
        View(new SetPasswordForm { UserId = userId, Code = code });

    [AllowAnonymous]
    [HttpPost("reset-password")]
    public async Task<IActionResult> ResetPassword(SetPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByIdAsync(form.UserId.ToString());
        if (user is null)
        {
            return View("LinkExpired");
        }

        var result = await users.ResetPasswordAsync(user, SendAccountEmail.Decode(form.Code), form.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return View("LinkExpired");
            }

            AddErrors(result);
            return View(form);
        }

        // A reset proves control of the mailbox: lift a lockout so the owner is not kept out by an attacker.
        // A freeze stays: whoever froze the account may fear the mailbox is compromised too.
        if (user.FrozenAt is null)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        // ...and keeps them from being locked out again from this browser.
        knownDevice.Remember(HttpContext, user.Id);
        TempData["Notice"] = T["Your password is changed. Sign in with the new one."].Value;
        return Redirect("/account/signin");
    }

    [AllowAnonymous]
    [HttpGet("accept-invitation")]
    public IActionResult AcceptInvitation(Guid userId, string code) =>
        View(new SetPasswordForm { UserId = userId, Code = code });

    [AllowAnonymous]
    [HttpPost("accept-invitation")]
    public async Task<IActionResult> AcceptInvitation(SetPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByIdAsync(form.UserId.ToString());
        var valid = user is not null && await users.VerifyUserTokenAsync(
            user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, SendAccountEmail.Decode(form.Code));
        if (!valid || await users.HasPasswordAsync(user!))
        {
            return View("LinkExpired");
        }

        var added = await users.AddPasswordAsync(user!, form.Password);
        if (!added.Succeeded)
        {
            AddErrors(added);
            return View(form);
        }

        user!.EmailConfirmed = true;
        user.Culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        knownDevice.Remember(HttpContext, user.Id);
        return LocalRedirect("/");
    }

    [HttpGet("time-zone")]
    public async Task<IActionResult> TimeZone([FromServices] AccountTimeZone zones, CancellationToken cancellationToken) =>
        View("TimeZone", new TimeZonePage(new TimeZoneForm { TimeZone = await zones.ChosenAsync(User, cancellationToken) }, zones.OrganisationDefault, AccountTimeZone.Known));

    [HttpPost("time-zone")]
    public async Task<IActionResult> TimeZone(TimeZoneForm form, [FromServices] AccountTimeZone zones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid || !await zones.SetAsync(User, form.TimeZone, cancellationToken))
        {
            ModelState.AddModelError("Form.TimeZone", T["Choose a time zone from the list, such as Europe/Madrid."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("TimeZone", new TimeZonePage(form, zones.OrganisationDefault, AccountTimeZone.Known));
        }

        TempData["Notice"] = T["Your time zone is saved."].Value;
        return Redirect("/account");
    }

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return View("Index", form);
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View("Index", form);
        }

        // Signs other sessions out at their next check and refreshes this one.
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = T["Your password is changed."].Value;
        return Redirect("/account");
    }

    [AllowAnonymous]
    [HttpGet("freeze")]
    public IActionResult Freeze(string? token) =>
        freeze.ReadToken(token) is null ? View("LinkExpired") : View(new FreezeModel(token!));

    /// <summary>From the security email, possibly on another device: the signed link is the authority.</summary>
    [AllowAnonymous]
    [HttpPost("freeze")]
    public async Task<IActionResult> FreezePost(string? token)
    {
        if (freeze.ReadToken(token) is not { } userId || !await freeze.FreezeAsync(userId))
        {
            return View("LinkExpired");
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            await signIn.SignOutAsync();
        }

        return View("Frozen");
    }

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied() => View();

    /// <summary>See <see cref="KnownDevice"/>: the owner on their own browser is not kept out by someone else's guesses.</summary>
    private async Task LiftLockoutOnKnownDeviceAsync(CampaignsUser user, string password)
    {
        if (await users.CheckPasswordAsync(user, password))
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            logger.LogInformation("Lockout lifted for user {UserId} on a known device", user.Id);
        }
        else
        {
            knownDevice.Forget(HttpContext);
        }
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Description);
        }
    }
}
