using SecondChance.EventStore;

namespace SecondChance.EventStore.Tests;

public sealed record ItemAdded(string Name, long PriceMinor);
public sealed record ItemRemoved(string Name);
public sealed record NoteWritten(string Text);
public sealed record Unregistered(string Whatever);

public static class TestTypes
{
    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<ItemAdded>("item_added.v1")
        .Register<ItemRemoved>("item_removed.v1")
        .Register<NoteWritten>("note_written.v1");
}
