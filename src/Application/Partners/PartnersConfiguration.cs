using Microsoft.Extensions.DependencyInjection;
using SecondChance.Application.Orders;

namespace SecondChance.Application.Partners;

public static class PartnersConfiguration
{
    public static IServiceCollection AddPartners(this IServiceCollection services) => services
        .AddSingleton<RegisterPartnerHandler>()
        .AddSingleton<SignMemorandumHandler>()
        .AddSingleton<PlaceOrderHandler>()
        .AddSingleton<AllocateItemToOrderHandler>()
        .AddSingleton<DeliverOrderHandler>()
        .AddSingleton<PayForOrderHandler>()
        .AddSingleton<CancelOrderHandler>();
}
