using SecondChance.Application.Complaints;
using SecondChance.Application.Partners;
using SecondChance.Application.Ventures;
using SecondChance.Integrity.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondChance.Application.Access;
using SecondChance.Application.Facilities;
using SecondChance.Application.Idempotency;
using SecondChance.Application.Inmates;
using SecondChance.Application.Items;
using SecondChance.Application.Mentors;
using SecondChance.Application.Programmes;
using SecondChance.Application.ReadModels;
using SecondChance.Application.Wages;

namespace SecondChance.Application;

public static class ApplicationConfiguration
{
    /// <summary>Every use case, the read-your-writes directories and the idempotency store. Expects a MartenEventLog.</summary>
    public static IServiceCollection AddSecondChanceApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Streams>();
        services.AddSingleton<CommandExecutor>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<SchemaMigrations>();
        services.AddSingleton<DirectoryQueries>();
        services.AddSingleton<IInlineProjection, InmateDirectoryProjection>();
        services.AddSingleton<IInlineProjection, ProgrammeDirectoryProjection>();
        services.AddSingleton<IInlineProjection, ItemDirectoryProjection>();
        services.AddSingleton<IInlineProjection, PartnerDirectoryProjection>();
        services.AddSingleton<IInlineProjection, OrderDirectoryProjection>();
        services.AddSingleton<IInlineProjection, MentorDirectoryProjection>();
        return services.AddFacilities().AddInmates().AddProgrammes().AddItems().AddWages().AddMentors().AddAccess().AddComplaints().AddPartners().AddVentures();
    }
}
