using Microsoft.Extensions.DependencyInjection;

namespace SecondChance.Application.Inmates;

public static class InmatesConfiguration
{
    public static IServiceCollection AddInmates(this IServiceCollection services) => services
        .AddSingleton<AdmitInmateHandler>()
        .AddSingleton<DrawUpRehabilitationPlanHandler>()
        .AddSingleton<ReviewPlanGoalHandler>()
        .AddSingleton<ReleaseReminderQueries>()
        .AddSingleton<HouseInmateHandler>()
        .AddSingleton<RecordMedicalScreeningHandler>()
        .AddSingleton<StartSegregationHandler>()
        .AddSingleton<EndSegregationHandler>()
        .AddSingleton<TransferInmateHandler>()
        .AddSingleton<ChangeLegalStatusHandler>()
        .AddSingleton<GiveAttributionConsentHandler>()
        .AddSingleton<WithdrawAttributionConsentHandler>()
        .AddSingleton<PlanReleaseHandler>()
        .AddSingleton<ReleaseInmateHandler>()
        .AddSingleton<RecordPostReleaseFollowUpHandler>()
        .AddSingleton<CorrectInmateRecordHandler>()
        .AddSingleton<AssignMentorHandler>()
        .AddSingleton<UnassignMentorHandler>()
        .AddSingleton<RecordMentoringContactHandler>()
        .AddSingleton<ApplyRestraintHandler>()
        .AddSingleton<EndRestraintHandler>()
        .AddSingleton<RecordLabourHandler>()
        .AddSingleton<RecordCustodyIncidentHandler>()
        .AddSingleton<NotifyFamilyOfIncidentHandler>()
        .AddSingleton<ReportIncidentToAuthorityHandler>()
        .AddSingleton<OpenIncidentInvestigationHandler>()
        .AddSingleton<ConcludeIncidentInvestigationHandler>()
        .AddSingleton<RecordFamilyContactHandler>()
        .AddSingleton<RefuseFamilyVisitHandler>();
}
