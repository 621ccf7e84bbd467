namespace SecondChance.Application;

public interface ILoadedStream
{
    string StreamId { get; }
    string AggregateType { get; }
    long Version { get; }
}
