using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Features.Tours.Admin;
using Campaigns.Web.Features.Tours.Hosts;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.AspNetCore.Authorization;

namespace Campaigns.Web.Features.Tours;

public static class ToursServices
{
    public static IServiceCollection AddCampaignsTours(this IServiceCollection services)
    {
        services.AddCampaignsReminders();
        services.AddReminderAudience<EventAttendeesAudience>();
        services.AddReminderAudience<EventFeedbackAudience>();
        services.AddReminderAudience<ShiftVolunteersAudience>();
        services.AddReminderAudience<OutreachInviteAudience>();
        services.AddReminderAudience<OutreachNudgeAudience>();
        services.AddScoped<Shifts>();
        services.AddSingleton<IAuthorizationHandler, StopHostAuthorizationHandler>();
        services.AddScoped<TourLinks>();
        services.AddScoped<EventEmails>();
        services.AddScoped<Waitlist>();
        services.AddScoped<PlaceRsvp>();
        services.AddScoped<CancelRsvp>();
        services.AddScoped<SaveStop>();
        services.AddScoped<ChangeStopStatus>();
        services.AddScoped<RecordAttendance>();
        services.AddScoped<SaveSpeaker>();
        services.AddSingleton<SpeakerSecrets>();
        services.AddScoped<SaveTour>();
        services.AddScoped<SaveReminderRule>();
        services.AddScoped<ReadTourPlan>();
        services.AddScoped<IDemoDataSeeder, ToursSeeder>();
        return services;
    }
}
