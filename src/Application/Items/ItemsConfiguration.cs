using Microsoft.Extensions.DependencyInjection;

namespace SecondChance.Application.Items;

public static class ItemsConfiguration
{
    public static IServiceCollection AddItems(this IServiceCollection services) => services
        .AddSingleton<ProduceItemHandler>()
        .AddSingleton<ListItemHandler>()
        .AddSingleton<ShowItemHandler>()
        .AddSingleton<SellItemHandler>()
        .AddSingleton<WithdrawItemHandler>()
        .AddSingleton<ReturnItemHandler>();
}
