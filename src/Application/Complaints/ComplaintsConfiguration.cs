using Microsoft.Extensions.DependencyInjection;

namespace SecondChance.Application.Complaints;

public static class ComplaintsConfiguration
{
    public static IServiceCollection AddComplaints(this IServiceCollection services) => services
        .AddSingleton<ComplaintViews>()
        .AddSingleton<LodgeComplaintHandler>()
        .AddSingleton<AcknowledgeComplaintHandler>()
        .AddSingleton<OpenComplaintInvestigationHandler>()
        .AddSingleton<DecideComplaintHandler>()
        .AddSingleton<AppealComplaintHandler>()
        .AddSingleton<DiscloseComplaintHandler>();
}
