using SecondChance.Domain.Inmates;

namespace SecondChance.Integrity.Tests;

public static class TestEvents
{
    public static SegregationStarted Segregation(Guid inmateId, int n) =>
        new(inmateId, $"reason {n}", "deputy superintendent", new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddDays(n));

    public static object[] Segregations(Guid inmateId, int count) =>
        Enumerable.Range(1, count).Select(n => (object)Segregation(inmateId, n)).ToArray();
}
