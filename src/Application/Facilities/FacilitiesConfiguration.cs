using Microsoft.Extensions.DependencyInjection;

namespace SecondChance.Application.Facilities;

public static class FacilitiesConfiguration
{
    public static IServiceCollection AddFacilities(this IServiceCollection services) => services
        .AddSingleton<RegisterFacilityHandler>()
        .AddSingleton<AddWardHandler>()
        .AddSingleton<AdoptProceedsPolicyHandler>()
        .AddSingleton<SetComplianceThresholdsHandler>()
        .AddSingleton<CertifyWardCapacityHandler>();
}
