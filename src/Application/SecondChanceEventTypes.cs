using SecondChance.Domain;
using SecondChance.EventStore;

namespace SecondChance.Application;

/// <summary>The event store's registry of every domain event under its stable alias.</summary>
public static class SecondChanceEventTypes
{
    public static EventTypeRegistry CreateRegistry()
    {
        var registry = new EventTypeRegistry();
        foreach (var (type, alias) in DomainEventTypes.All) registry.Register(type, alias);
        return registry;
    }
}
