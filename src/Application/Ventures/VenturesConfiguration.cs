using Microsoft.Extensions.DependencyInjection;

namespace SecondChance.Application.Ventures;

public static class VenturesConfiguration
{
    public static IServiceCollection AddVentures(this IServiceCollection services) => services
        .AddSingleton<VentureViews>()
        .AddSingleton<CreditVentureFundHandler>()
        .AddSingleton<ProposeVentureHandler>()
        .AddSingleton<ApproveVentureHandler>()
        .AddSingleton<DeclineVentureHandler>()
        .AddSingleton<AwardSeedGrantHandler>()
        .AddSingleton<RecordVentureMilestoneHandler>()
        .AddSingleton<RecordVentureRepaymentHandler>()
        .AddSingleton<CloseVentureHandler>();
}
