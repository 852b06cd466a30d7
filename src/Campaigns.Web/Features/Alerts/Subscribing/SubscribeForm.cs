using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Alerts.Subscribing;

public sealed class SubscribeForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "Name (optional)")]
    public string? Name { get; set; }

    [Required]
    [RegularExpression("^(en|es|fr)$", ErrorMessage = "Choose English, Spanish or French.")]
    [Display(Name = "Language of the alerts")]
    public string Language { get; set; } = "en";

    public List<string> Interests { get; set; } = [];

    [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to agree to receive urgent actions by email.")]
    public bool Consent { get; set; }
}

public sealed class PreferencesForm
{
    [Required]
    [RegularExpression("^(en|es|fr)$", ErrorMessage = "Choose English, Spanish or French.")]
    [Display(Name = "Language of the alerts")]
    public string Language { get; set; } = "en";

    public List<string> Interests { get; set; } = [];
}

public sealed record TopicOption(string Code, string Name, Domain.Alerts.TopicKind Kind);

public sealed record SubscribePage(SubscribeForm Form, IReadOnlyList<TopicOption> Topics, string ConsentText);

public sealed record PreferencesPage(string Token, string Email, PreferencesForm Form, bool Paused, IReadOnlyList<TopicOption> Topics);
