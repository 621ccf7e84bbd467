using SecondChance.Integrity.Events;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Application.Oversight;
using SecondChance.Integrity.HashChain;

namespace SecondChance.Application.Audit;

public static class AuditConfiguration
{
    /// <summary>Auditors' and oversight bodies' queries: time travel, replay, reconciliation, tamper evidence, compliance reports.</summary>
    public static IServiceCollection AddAuditAndOversight(this IServiceCollection services) => services
        .AddSingleton<FacilityMembers>()
        .AddSingleton<FacilityTimeZones>()
        .AddSingleton<WageBalancesQuery>()
        .AddSingleton<FacilityReplayQuery>()
        .AddSingleton<ReconcileFacility>()
        .AddSingleton<ComplianceTimeTravel>()
        .AddSingleton(sp => new ChainVerifier(sp.GetRequiredService<MartenEventLog>().DataSource))
        .AddSingleton(sp => new AuditCheckpoints(sp.GetRequiredService<MartenEventLog>().DataSource));
}
