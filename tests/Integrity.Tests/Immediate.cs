namespace SecondChance.Integrity.Tests;

/// <summary>Progress heard at once on the reporting thread (System.Progress posts later), from several threads safely.</summary>
public sealed class Immediate<T>(Action<T> heard) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate) heard(value);
    }
}
