namespace SecondChance.Host.Http;

/// <summary>
/// Lets this process's retries of one stream take turns, first come first served, so that on a busy stream a request that
/// lost a race waits its turn instead of losing again to every other loser. Only a courtesy between requests of one
/// process: the guard that holds across processes is still the append's version check.
/// </summary>
internal static class StreamRetryGate
{
    private static readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> Gates = new();

    public static async Task<IDisposable> EnterAsync(string streamId, CancellationToken ct)
    {
        SemaphoreSlim gate;
        lock (Gates)
        {
            var (existing, users) = Gates.TryGetValue(streamId, out var entry) ? entry : (new SemaphoreSlim(1, 1), 0);
            Gates[streamId] = (existing, users + 1);
            gate = existing;
        }
        try
        {
            await gate.WaitAsync(ct);
        }
        catch
        {
            Leave(streamId);
            throw;
        }
        return new Turn(streamId, gate);
    }

    private static void Leave(string streamId)
    {
        lock (Gates)
        {
            var (gate, users) = Gates[streamId];
            if (users == 1) Gates.Remove(streamId);
            else Gates[streamId] = (gate, users - 1);
        }
    }

    private sealed class Turn(string streamId, SemaphoreSlim gate) : IDisposable
    {
        public void Dispose()
        {
            gate.Release();
            Leave(streamId);
        }
    }
}
