using SecondChance.Integrity.Events;
using Npgsql;
using SecondChance.EventStore;

namespace SecondChance.Projections.Engine;

/// <summary>
/// Tells every daemon that events were committed: one NOTIFY per coalescing window however many appends this
/// process made, sent outside the append so commits never queue behind the notification lock.
/// </summary>
public sealed class CommitNotifier(MartenEventLog store, ProjectionOptions options, Action<string, Exception?> log)
{
    private int _pending;

    public string Channel => ChannelFor(store);
    public static string ChannelFor(MartenEventLog store) => $"{store.Schema}_events";

    public async Task RunAsync(WakeSignal local, CancellationToken ct)
    {
        var signal = new WakeSignal();
        void OnCommitted()
        {
            local.Pulse();
            if (Interlocked.Exchange(ref _pending, 1) == 0) signal.Pulse();
        }
        store.Committed += OnCommitted;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var next = signal.Current;
                if (Interlocked.Exchange(ref _pending, 0) == 1)
                {
                    try
                    {
                        await using var cmd = store.DataSource.CreateCommand($"notify {Channel}");
                        await cmd.ExecuteNonQueryAsync(ct);
                    }
                    catch (NpgsqlException e)
                    {
                        log("Could not send the commit notification; daemons will poll.", e);
                    }
                    await Task.Delay(options.NotifyCoalescing, ct);
                    continue;
                }
                await next.WaitAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            store.Committed -= OnCommitted;
        }
    }
}
