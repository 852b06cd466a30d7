namespace Campaigns.Web.Features.Tours.Emails;

public sealed record ShiftEmailModel(
    string Name, string Role, string TourTitle, string City, string VenueName, string VenueAddress, DateTime LocalStart,
    string TimeZoneId, string ShiftsUrl, string? CustomText);
