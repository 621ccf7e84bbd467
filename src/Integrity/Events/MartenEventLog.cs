using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using SecondChance.Domain;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Privacy;
using SecondChance.Integrity.Tenancy;

namespace SecondChance.Integrity.Events;

/// <summary>
/// The application's event log on Marten: appends through Marten sessions with Marten's optimistic concurrency at the
/// version each decision was made on and reads streams with Marten (time travel by version or instant); the read models
/// read the global log through Marten's async daemon. The read-your-writes directories, and what the caller queued on its
/// session (the idempotency record, Wolverine's outbox), join the append's transaction, so an acknowledged command is never lost and never doubled.
/// </summary>
public sealed class MartenEventLog
{
    private static readonly IReadOnlyDictionary<Type, Func<object, Guid>> SubjectOf =
        DomainPersonalData.All.ToDictionary(p => p.Type, p => SubjectReader(p.Type, p.SubjectProperty));

    private readonly IDocumentStore _store;
    private readonly IReadOnlyList<IInlineProjection> _inline;

    /// <summary>Marten's events table, where every event lives.</summary>
    public const string EventsTable = MartenSetup.Schema + ".mt_events";

    /// <param name="dataSource">The application's tables of the tenant the work runs in.</param>
    /// <param name="home">The home database, where users and their grants live whatever the tenant (default: the data source's now).</param>
    public MartenEventLog(IDocumentStore store, TenantDataSource dataSource, SubjectKeyring keys, string appSchema,
        IEnumerable<IInlineProjection>? inlineProjections = null, NpgsqlDataSource? home = null)
    {
        _store = store;
        DataSource = dataSource;
        Home = home ?? dataSource.Current;
        Keys = keys;
        Schema = appSchema;
        _inline = inlineProjections?.ToArray() ?? [];
    }

    public IDocumentStore Store => _store;

    /// <summary>The application's own tables (directories, idempotency keys, access, read-model state) of the current tenant.</summary>
    public TenantDataSource DataSource { get; }

    /// <summary>The home database's: the users, their grants and sign-ins, which every tenant shares.</summary>
    public NpgsqlDataSource Home { get; }

    /// <summary>A session on the current tenant's database (<see cref="TenantScope"/>).</summary>
    public IDocumentSession LightweightSession() => _store.LightweightSession(TenantScope.Current);

    public IQuerySession QuerySession() => _store.QuerySession(TenantScope.Current);

    public string Schema { get; }

    /// <summary>Per-person encryption keys; erasing a person destroys theirs.</summary>
    public SubjectKeyring Keys { get; }

    public async Task<AppendResult> AppendAsync(StreamAppend append, CancellationToken ct = default) =>
        (await AppendAsync([append], ct))[0];

    /// <summary>Appends to one or more streams atomically in a session and transaction of its own, with the inline projections.</summary>
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        await using var session = LightweightSession();
        return await AppendAsync(session, appends, ct);
    }

    /// <summary>
    /// Appends through the caller's session (Wolverine's, enlisted in its outbox) and saves it: the events, the inline
    /// read models and whatever else the caller queued on the session commit in one transaction. A stream that is not
    /// at the expected version throws <see cref="ConcurrencyException"/> and nothing is written.
    /// </summary>
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IDocumentSession session, IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        if (appends is null || appends.Count == 0) throw new InvalidAppendException("An append names at least one stream.");
        // keys are made before serialization: a converter cannot await (SubjectKeyring)
        await Keys.EnsureKeysAsync(appends.SelectMany(a => a.Events).SelectMany(Subjects), ct);

        var metadata = appends[0].Metadata ?? EventMetadata.None;
        if (appends.Any(a => (a.Metadata ?? EventMetadata.None) != metadata))
            throw new InvalidAppendException("One append carries one set of metadata for every stream.");
        session.CorrelationId = metadata.CorrelationId?.ToString();
        session.CausationId = metadata.CausationId?.ToString();
        session.LastModifiedBy = metadata.Actor;
        foreach (var (key, value) in metadata.Headers ?? new Dictionary<string, string>()) session.SetHeader(key, value);

        // streams the command fetched for writing (Marten's aggregate workflow) carry the version Marten found: the
        // events join them and Marten checks that version when it saves
        var fetched = session.PendingChanges.Streams().Where(s => s.Key is not null).ToDictionary(s => s.Key!);
        var actions = new List<(StreamAppend Append, StreamAction Action)>(appends.Count);
        foreach (var append in appends)
        {
            if (append.Events.Count == 0) throw new InvalidAppendException($"The append to {append.StreamId} has no events.");
            var data = append.Events.Select(e => e.Data).ToArray();
            if (fetched.TryGetValue(append.StreamId, out var fetchedAt) && fetchedAt.ExpectedVersionOnServer != append.Expected.Value)
                throw new InvalidAppendException(
                    $"{append.StreamId} was fetched at version {fetchedAt.ExpectedVersionOnServer} but decided on at {append.Expected.Value}.");
            StreamAction action = append.Expected switch
            {
                _ when fetchedAt is not null => session.Events.Append(append.StreamId, data),
                { Value: 0 } => session.Events.StartStream(append.StreamId, data),
                { Value: > 0 } exact => session.Events.Append(append.StreamId, exact.Value + data.Length, data),
                _ => session.Events.Append(append.StreamId, data),
            };
            for (var i = 0; i < data.Length; i++) action.Events[i].Id = append.Events[i].EventId;
            actions.Add((append, action));
        }

        if (_inline.Count > 0)
        {
            var batch = new SqlBatch();
            var events = actions.SelectMany(a => Result(a.Append, a.Action, metadata).Events).ToList();
            foreach (var projection in _inline) projection.Apply(events, batch);
            batch.QueueOn(session);
        }

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsVersionConflict(e))
        {
            session.EjectAllPendingChanges();
            throw await ConflictAsync(NamedStream(e), actions.Select(a => a.Append).ToList(), ct);
        }

        return actions.Select(a => Result(a.Append, a.Action, metadata)).ToList();
    }

    private static AppendResult Result(StreamAppend append, StreamAction action, EventMetadata metadata)
    {
        var first = Math.Max(append.Expected.Value, 0);
        var events = action.Events.Select((e, i) => new StoredEvent(
            Position: e.Sequence,
            TransactionId: 0,
            EventId: e.Id,
            StreamId: append.StreamId,
            Version: e.Version > 0 ? e.Version : first + i + 1,
            Alias: e.EventTypeName,
            Data: e.Data,
            Timestamp: e.Timestamp,
            Tenant: metadata.Tenant,
            CorrelationId: metadata.CorrelationId,
            CausationId: metadata.CausationId,
            Actor: metadata.Actor,
            Headers: metadata.Headers ?? EmptyHeaders)).ToList();
        return new AppendResult(append.StreamId, events[^1].Version, events.Select(e => e.Position).ToList(), false, events);
    }

    /// <summary>
    /// Marten's refusals of an expected version: a stale version found before writing, a lost race at commit (the
    /// stream-and-version key), or a stream started twice. Npgsql redacts the row, so the stream is often not named.
    /// </summary>
    private static bool IsVersionConflict(Exception e) => e is JasperFx.ConcurrencyException
        or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
        || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } unique
           && unique.ConstraintName is "pk_mt_events_stream_and_version" or "pkey_mt_streams_id";

    private static string? NamedStream(Exception e) => e switch
    {
        Marten.Exceptions.ExistingStreamIdCollisionException c => c.Id?.ToString(),
        JasperFx.Events.ExistingStreamIdCollisionException c => c.Id?.ToString(),
        JasperFx.ConcurrencyException c => c.Id?.ToString(),
        _ => null,
    };

    /// <summary>
    /// Marten's refusal of an expected version, as the store's conflict naming the stream that is not where the
    /// decision expected it. Marten names one stream of the batch, not always the one that moved, so the actual
    /// versions are read (outside the aborted transaction) and compared with each expectation.
    /// </summary>
    private async Task<ConcurrencyException> ConflictAsync(string? named, List<StreamAppend> appends, CancellationToken ct)
    {
        var actual = new Dictionary<string, long>();
        await using (var cmd = DataSource.CreateCommand($"select id, version from {MartenSetup.Schema}.mt_streams where id = any($1)"))
        {
            cmd.Parameters.Add(new() { Value = appends.Select(a => a.StreamId).ToArray() });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) actual[r.GetString(0)] = r.GetInt64(1);
        }
        var moved = appends.FirstOrDefault(a => a.Expected.Value >= 0 && actual.GetValueOrDefault(a.StreamId) != a.Expected.Value)
                    ?? appends.FirstOrDefault(a => a.StreamId == named) ?? appends[0];
        return new ConcurrencyException(moved.StreamId, moved.Expected, actual.GetValueOrDefault(moved.StreamId));
    }

    /// <summary>Reads a stream in version order, optionally only up to a version or as it stood at an instant (time travel).</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        string streamId, long? upToVersion = null, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        await using var session = QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, upToVersion ?? 0, asOf, token: ct);
        return events.Select(Stored).ToList();
    }

    /// <summary>Folds a stream into state; returns the state and the version it reflects (0 when the stream is absent).</summary>
    public async Task<(TState State, long Version)> AggregateAsync<TState>(
        string streamId, TState initial, Func<TState, object, TState> evolve,
        long? upToVersion = null, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var state = initial;
        long version = 0;
        foreach (var e in await ReadStreamAsync(streamId, upToVersion, asOf, ct))
        {
            state = evolve(state, e.Data);
            version = e.Version;
        }
        return (state, version);
    }

    private static StoredEvent Stored(IEvent e) => new(
        Position: e.Sequence,
        TransactionId: 0,
        EventId: e.Id,
        StreamId: e.StreamKey!,
        Version: e.Version,
        Alias: e.EventTypeName,
        Data: e.Data,
        Timestamp: e.Timestamp,
        Tenant: e.TenantId,
        CorrelationId: Guid.TryParse(e.CorrelationId, out var correlation) ? correlation : null,
        CausationId: Guid.TryParse(e.CausationId, out var causation) ? causation : null,
        Actor: e.UserName,
        Headers: e.Headers is { Count: > 0 } headers
            ? headers.ToDictionary(h => h.Key, h => h.Value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } j => j.GetString()!,
                _ => h.Value?.ToString() ?? "",
            })
            : EmptyHeaders);

    private static IEnumerable<Guid> Subjects(NewEvent e) =>
        SubjectOf.TryGetValue(e.Data.GetType(), out var subject) ? [subject(e.Data)] : [];

    private static Func<object, Guid> SubjectReader(Type type, string property)
    {
        var p = type.GetProperty(property) ?? throw new InvalidOperationException($"{type.Name} has no property {property}.");
        return data => (Guid)p.GetValue(data)!;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();
}
