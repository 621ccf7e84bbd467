namespace SecondChance.Projections.Engine;

/// <summary>
/// Wakes waiting projections. A waiter takes <see cref="Current"/> before it reads the log, so a pulse that arrives
/// between the read and the wait is not lost.
/// </summary>
public sealed class WakeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Current => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public static async Task WaitAsync(Task signal, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(signal, Task.Delay(timeout, cts.Token));
        await cts.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
