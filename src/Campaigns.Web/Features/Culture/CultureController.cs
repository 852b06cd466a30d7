using System.Security.Claims;
using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Features.Culture;

[AllowAnonymous]
public sealed class CultureController(CampaignsDbContext db) : Controller
{
    [HttpPost("/culture")]
    public async Task<IActionResult> Set(string culture, string? returnUrl, CancellationToken cancellationToken)
    {
        if (CampaignsLocalization.Cultures.Contains(culture))
        {
            // A signed-in person's choice also becomes the language of the emails jobs send them later.
            if (Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            {
                await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, culture), cancellationToken);
            }

            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
