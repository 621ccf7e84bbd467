using Microsoft.Extensions.DependencyInjection;

namespace SecondChance.Application.Wages;

public static class WagesConfiguration
{
    public static IServiceCollection AddWages(this IServiceCollection services) => services
        .AddSingleton<CreditWageHandler>()
        .AddSingleton<DeductFromWagesHandler>()
        .AddSingleton<RemitToFamilyHandler>()
        .AddSingleton<PayOutAtReleaseHandler>()
        .AddSingleton<ReversePostingHandler>();
}
