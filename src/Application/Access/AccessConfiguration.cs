using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.Access;

public static class AccessConfiguration
{
    /// <summary>Users, sign-in, the access log and erasure. The host supplies <see cref="IPasswordHashing"/>.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.TryAddSingleton(new LockoutOptions());
        services.TryAddSingleton(new ErasureOptions());
        services.AddSingleton<IInlineProjection, UserDirectoryProjection>();
        return services
            .AddSingleton<UserStreams>()
            .AddSingleton<UserDirectory>()
            .AddSingleton<RegisterUserHandler>()
            .AddSingleton<UserGrantsHandler>()
            .AddSingleton<SignInGuard>()
            .AddSingleton<AccessLog>()
            .AddSingleton<EraseInmateHandler>();
    }
}
