using System.Collections.Concurrent;
using System.Security.Cryptography;
using Npgsql;

namespace SecondChance.EventStore.Privacy;

/// <summary>
/// One random AES-256 key per data subject, kept in the subject_keys table. Erasing a person destroys their key: the
/// events stay (and still verify) but their personal fields can never be read again. Keys are cached briefly so an
/// append normally needs no extra round trip; an erasure elsewhere takes effect here within <see cref="CacheFor"/>.
/// </summary>
public sealed class SubjectKeys(NpgsqlDataSource dataSource, string schema, TimeProvider? clock = null)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, (byte[]? Key, DateTimeOffset Until)> _cache = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Keys for the subjects, created for those who have none; null for an erased subject.</summary>
    public Task<IReadOnlyDictionary<Guid, byte[]?>> GetOrCreateAsync(IEnumerable<Guid> subjects, NpgsqlConnection? conn, CancellationToken ct) =>
        FetchAsync(subjects, create: true, conn, ct);

    /// <summary>Keys for the subjects; null for an erased subject or one that never had a key.</summary>
    public Task<IReadOnlyDictionary<Guid, byte[]?>> GetAsync(IEnumerable<Guid> subjects, NpgsqlConnection? conn, CancellationToken ct) =>
        FetchAsync(subjects, create: false, conn, ct);

    private async Task<IReadOnlyDictionary<Guid, byte[]?>> FetchAsync(IEnumerable<Guid> subjects, bool create, NpgsqlConnection? conn, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var result = new Dictionary<Guid, byte[]?>();
        var missing = new List<Guid>();
        foreach (var s in subjects.Distinct())
        {
            if (_cache.TryGetValue(s, out var c) && c.Until > now && (c.Key is not null || !create)) result[s] = c.Key;
            else missing.Add(s);
        }
        if (missing.Count == 0) return result;

        var sql = create
            ? $"""
              insert into {schema}.subject_keys (subject_id, key)
              select s, k from unnest($1::uuid[], $2::bytea[]) as u(s, k)
              on conflict (subject_id) do update set subject_id = excluded.subject_id
              returning subject_id, key
              """
            : $"select subject_id, key from {schema}.subject_keys where subject_id = any($1)";
        await using var cmd = conn is null ? dataSource.CreateCommand(sql) : new NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new() { Value = missing.ToArray() });
        if (create) cmd.Parameters.Add(new() { Value = missing.Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray() });
        var found = new Dictionary<Guid, byte[]?>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) found[r.GetGuid(0)] = r.IsDBNull(1) ? null : r.GetFieldValue<byte[]>(1);
        foreach (var s in missing)
        {
            var key = found.GetValueOrDefault(s);
            result[s] = key;
            if (key is not null || found.ContainsKey(s)) _cache[s] = (key, now + CacheFor);
        }
        return result;
    }

    /// <summary>Destroys the subject's key. Returns false when the subject was already erased.</summary>
    public async Task<bool> EraseAsync(Guid subject, string erasedBy, string reason, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            insert into {schema}.subject_keys (subject_id, key, erased_at, erased_by, erasure_reason) values ($1, null, now(), $2, $3)
            on conflict (subject_id) do update set key = null, erased_at = now(), erased_by = $2, erasure_reason = $3
             where {schema}.subject_keys.erased_at is null
            """);
        cmd.Parameters.Add(new() { Value = subject });
        cmd.Parameters.Add(new() { Value = erasedBy });
        cmd.Parameters.Add(new() { Value = reason });
        var changed = await cmd.ExecuteNonQueryAsync(ct) > 0;
        _cache[subject] = (null, DateTimeOffset.MaxValue);
        return changed;
    }
}
