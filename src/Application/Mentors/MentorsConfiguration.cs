using Microsoft.Extensions.DependencyInjection;

namespace SecondChance.Application.Mentors;

public static class MentorsConfiguration
{
    public static IServiceCollection AddMentors(this IServiceCollection services) => services
        .AddSingleton<RegisterMentorHandler>()
        .AddSingleton<VetMentorHandler>()
        .AddSingleton<DeactivateMentorHandler>();
}
