using System.Text.Json;
using Marten;
using NpgsqlTypes;
using SecondChance.Integrity.Events;

namespace SecondChance.Bench;

/// <summary>The aggregate a use case would fetch: live-aggregated from the stream's events.</summary>
public sealed partial class BenchTally
{
    public string Id { get; set; } = "";
    public long Total { get; set; }

    public void Apply(BenchEvent e) => Total += e.AmountMinor;
}

/// <summary>One measured way of writing an event: a Marten variant, the raw single-row insert, or the raw insert in an explicit transaction.</summary>
public sealed class AppendPath
{
    public required string Name { get; init; }
    public required Func<int, int, Task> Append { get; init; }

    /// <summary>Appends per stream before a client moves to a fresh stream: fetched streams stay app-sized (a few dozen events).</summary>
    public const int StreamLength = 20;

    private static readonly JsonSerializerOptions Json = EventJson.CreateSerializerOptions();
    private static long _rawSequence;

    public static BenchEvent Sample(int i) => new($"piece work {i}", 15_000 + i, "embroidery, 6 hours");

    /// <summary>Each client appends to its own streams, starting a new one every <see cref="StreamLength"/> events.</summary>
    public static AppendPath Marten(DocumentStore store, MartenVariant variant, int tag)
    {
        var versions = new long[64];
        var streamNumbers = new int[64];
        return new AppendPath
        {
            Name = variant.Name,
            Append = async (client, i) =>
            {
                if (versions[client] == StreamLength) (versions[client], streamNumbers[client]) = (0, streamNumbers[client] + 1);
                var streamId = $"bench-{tag}-{client}-{streamNumbers[client]}";
                await using var session = store.LightweightSession();
                session.LastModifiedBy = "bench";
                if (variant.Fetch)
                {
                    // what a use case does: load the stream, decide, append at the version it was loaded at
                    var stream = await session.Events.FetchForWriting<BenchTally>(streamId);
                    stream.AppendOne(Sample(i));
                }
                else if (versions[client] == 0) session.Events.StartStream(streamId, Sample(i));
                else session.Events.Append(streamId, versions[client] + 1, Sample(i));
                await session.SaveChangesAsync();
                versions[client]++;
            },
        };
    }

    public static AppendPath Raw(BenchDatabase db, bool explicitTransaction) => new()
    {
        Name = explicitTransaction ? "raw INSERT in BEGIN/COMMIT" : "raw INSERT",
        Append = async (client, i) =>
        {
            await using var conn = await db.DataSource.OpenConnectionAsync();
            await using var tx = explicitTransaction ? await conn.BeginTransactionAsync() : null;
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                insert into bench_raw.raw_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, user_name)
                values (nextval('bench_raw.raw_sequence'), $1, $2, $3, $4, 'bench_event.v1', now(), '*DEFAULT*', 'SecondChance.Bench.BenchEvent, SecondChance.Bench', false, 'bench')
                """;
            cmd.Parameters.Add(new() { Value = Guid.CreateVersion7() });
            cmd.Parameters.Add(new() { Value = $"raw-{client}" });
            cmd.Parameters.Add(new() { Value = Interlocked.Increment(ref _rawSequence) });
            // the same row content Marten writes: this event, serialised for this insert
            cmd.Parameters.Add(new() { Value = JsonSerializer.Serialize(Sample(i), Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await cmd.ExecuteNonQueryAsync();
            if (tx is not null) await tx.CommitAsync();
        },
    };

    public static async Task CreateRawTableAsync(BenchDatabase db, string likeSchema) =>
        await db.ExecAsync($"""
            create schema if not exists bench_raw;
            create sequence if not exists bench_raw.raw_sequence;
            create table if not exists bench_raw.raw_events (like {likeSchema}.mt_events including all);
            """);
}
