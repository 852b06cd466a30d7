using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Tours;

/// <summary>A stop's details as a coordinator or a host enters them; times are wall-clock times in the stop's zone.</summary>
public sealed class StopForm
{
    [Required(ErrorMessage = "Enter the city.")]
    [StringLength(100)]
    [Display(Name = "City")]
    public string City { get; set; } = "";

    [Required(ErrorMessage = "Enter the two-letter country code.")]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter country code, such as HN or CO.")]
    [Display(Name = "Country")]
    public string CountryCode { get; set; } = "";

    [StringLength(100)]
    [Display(Name = "Region")]
    public string? Region { get; set; }

    [Range(-90, 90, ErrorMessage = "Latitude is between -90 and 90 degrees.")]
    [Display(Name = "Latitude")]
    public double? Latitude { get; set; }

    [Range(-180, 180, ErrorMessage = "Longitude is between -180 and 180 degrees.")]
    [Display(Name = "Longitude")]
    public double? Longitude { get; set; }

    [Required(ErrorMessage = "Enter the venue.")]
    [StringLength(200)]
    [Display(Name = "Venue")]
    public string VenueName { get; set; } = "";

    [StringLength(500)]
    [Display(Name = "Venue address")]
    public string? VenueAddress { get; set; }

    [Required(ErrorMessage = "Enter when the event starts.")]
    [Display(Name = "Starts")]
    public DateTime? StartsAtLocal { get; set; }

    [Required(ErrorMessage = "Enter when the event ends.")]
    [Display(Name = "Ends")]
    public DateTime? EndsAtLocal { get; set; }

    [Required(ErrorMessage = "Enter the time zone.")]
    [StringLength(64)]
    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "Host organisation")]
    public string? HostOrganisation { get; set; }

    [StringLength(200)]
    [Display(Name = "Host contact")]
    public string? HostContactName { get; set; }

    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Host contact email")]
    public string? HostContactEmail { get; set; }

    [Range(1, 100000, ErrorMessage = "Capacity must be at least 1.")]
    [Display(Name = "Capacity")]
    public int Capacity { get; set; } = 50;

    [StringLength(100)]
    [Display(Name = "Language")]
    public string? Language { get; set; }

    [StringLength(200)]
    [Display(Name = "Interpretation needed")]
    public string? Interpretation { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Budget lines cannot be negative.")]
    [Display(Name = "Travel")]
    public decimal TravelCost { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Budget lines cannot be negative.")]
    [Display(Name = "Venue costs")]
    public decimal VenueCost { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Budget lines cannot be negative.")]
    [Display(Name = "Honorarium")]
    public decimal Honorarium { get; set; }
}
