using FluentAssertions;
using JasperFx.Events;
using Marten;
using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Integrity.HashChain;

namespace SecondChance.Integrity.Tests;

/// <summary>
/// Five streams and 22 events appended through Marten as the app appends them (several events at once, single events
/// with and without an expected version, user name, correlation and causation ids, headers, text that needs escaping)
/// and one stream by Marten's COPY bulk insert; then what an auditor and a tamperer do to them.
/// </summary>
public sealed class AuditedLog(TestStore db) : IAsyncDisposable
{
    public const long Events = 22;

    public TestStore Db { get; } = db;

    /// <summary>The four appended streams, in the order of their ids' bytes.</summary>
    public static string Inmate(int n) => StreamIds.Inmate(Id(n));

    /// <summary>The bulk-inserted stream, last in order.</summary>
    public static string Bulk => StreamIds.Inmate(Id(9));

    private static Guid Id(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:D12}");

    public static async Task<AuditedLog> CreateAsync()
    {
        var db = await TestStore.CreateAsync();
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        for (var s = 1; s <= 4; s++)
        {
            var correlation = Guid.NewGuid().ToString();
            await using (var session = Session(db, $"clerk-{s}", correlation, null))
            {
                session.Events.Append(Inmate(s), Started(s, "چادر embroidery ✓", at), Started(s, "frame", at.AddHours(1)));
                await session.SaveChangesAsync();
            }
            // one event at an expected version, one without, one with a causation id: the same chain either way
            for (var i = 0; i < 3; i++)
            {
                await using var session = Session(db, $"clerk-{s}", correlation, i == 2 ? Guid.NewGuid().ToString() : null);
                var e = Started(s, $"note {i} <b> \\u0041 ✓ \"quoted\"\n", at.AddDays(i + 1));
                if (i == 1) session.Events.Append(Inmate(s), e);
                else session.Events.Append(Inmate(s), 3L + i, e);
                await session.SaveChangesAsync();
            }
        }
        await db.Store.BulkInsertEventsAsync([StreamAction.Start(db.Store.Events, Bulk,
            [Started(9, "ledger \\ 1998", at), Started(9, "tab\there", at)])]);
        return new AuditedLog(db);
    }

    private static IDocumentSession Session(TestStore db, string user, string correlation, string? causation)
    {
        var session = db.Store.LightweightSession();
        session.LastModifiedBy = user;
        session.CorrelationId = correlation;
        session.CausationId = causation;
        session.SetHeader("note", "قیدی \"quoted\"\n");
        return session;
    }

    private static SegregationStarted Started(int n, string reason, DateTimeOffset at) => new(Id(n), reason, "deputy superintendent", at);

    public Task<VerificationReport> VerifyAsync(IProgress<VerificationProgress>? progress = null) =>
        new ChainVerifier(Db.DataSource).VerifyAsync(partitions: 3, progress);

    public AuditCheckpoints Checkpoints => new(Db.DataSource);

    /// <summary>
    /// A checkpoint file as 'checkpoint --out' writes it, once it covers all <paramref name="events"/>: a checkpoint
    /// stops below the oldest transaction running anywhere on the server, and other tests share it.
    /// </summary>
    public async Task<byte[]> CheckpointFileAsync(long events = Events)
    {
        for (var wait = 0; ; wait++)
        {
            using var file = new MemoryStream();
            var checkpoint = await CheckpointFile.WriteAsync(Checkpoints, TimeProvider.System, file);
            if (checkpoint.Events == events || wait == 1500)
            {
                checkpoint.Events.Should().Be(events);
                return file.ToArray();
            }
            await Task.Delay(20);
        }
    }

    /// <summary>A checkpoint without heads, as POST /audit/checkpoints returns it.</summary>
    public async Task<AuditCheckpoint> CheckpointAsync(long events = Events)
    {
        var file = await CheckpointFileAsync(events);
        return CheckpointFile.Read(() => new MemoryStream(file)).Checkpoint;
    }

    /// <summary>Proves a checkpoint file as 'prove FILE' does: read and checked, then proved with its heads.</summary>
    public async Task<CheckpointProof> ProveAsync(byte[] file, IProgress<VerificationProgress>? progress = null)
    {
        var read = CheckpointFile.Read(() => new MemoryStream(file));
        read.HasHeads.Should().BeTrue();
        return await Checkpoints.ProveAsync(read.Checkpoint, CheckpointFile.Heads(() => new MemoryStream(file)), progress);
    }

    public Task<int> ExecuteAsync(string sql) => Db.ExecuteAsync(sql);

    /// <summary>
    /// What someone who knows the public recipe can do: edit an event, then recompute every link of its stream in
    /// version order, so that every link matches its event and predecessor again.
    /// </summary>
    public Task<int> RewriteWithRecomputedLinksAsync(string stream) => ExecuteAsync(RewriteWithRecomputedLinks(stream));

    /// <summary>
    /// What someone who knows the public recipe can do once they have edited an event: recompute every link of its
    /// stream in version order, so that every link matches its event and predecessor again.
    /// </summary>
    public static string RewriteWithRecomputedLinks(string stream) => $$"""
        do $$ declare r record; h bytea := ''::bytea; begin
          for r in select e.*, e.id::text as i, e.data::text as d, e.headers::text as hd from {{S}}.mt_events e
                    where e.stream_id = '{{stream}}' order by e.version loop
            h := sha256(sha256(convert_to({{Field("r.i")}} || {{Field("r.stream_id")}} || {{Field("r.type")}} || {{Field("r.d")}}
                   || {{Field("r.tenant_id")}} || {{Field("r.correlation_id")}} || {{Field("r.causation_id")}} || {{Field("r.user_name")}}
                   || {{Field("r.hd")}}, 'UTF8')) || int8send(r.version) || timestamptz_send(r.timestamp) || h);
            update {{S}}.sc_event_hashes set hash = h, hash_format = 2 where seq_id = r.seq_id;
          end loop;
        end $$;
        """;

    private const string S = MartenSetup.Schema;

    private static string Field(string text) => $"coalesce(octet_length({text})::text || ':' || {text} || ';', '-;')";

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
