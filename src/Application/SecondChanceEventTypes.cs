using SecondChance.Domain;
using SecondChance.EventStore;
using SecondChance.EventStore.Privacy;

namespace SecondChance.Application;

/// <summary>
/// The event store's registry of every domain event under its stable alias, with the fields that hold personal data
/// (<see cref="DomainPersonalData"/>) encrypted under the person's own key.
/// </summary>
public static class SecondChanceEventTypes
{
    private static readonly Dictionary<Type, PersonalDataSpec> PersonalData =
        DomainPersonalData.All.ToDictionary(p => p.Type, p => new PersonalDataSpec(p.SubjectProperty, p.Properties));

    public static EventTypeRegistry CreateRegistry()
    {
        var registry = new EventTypeRegistry();
        foreach (var (type, alias) in DomainEventTypes.All) registry.Register(type, alias, PersonalData.GetValueOrDefault(type));
        return registry;
    }
}
