namespace SecondChance.Host.Tests.Support;

/// <summary>The server's clock in tests: fixed, so "not in the future" rules never depend on when tests run.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}
