using System.Collections.Concurrent;
using System.Security.Cryptography;
using Npgsql;

namespace SecondChance.Integrity.Privacy;

/// <summary>
/// Every data subject's key, held in memory because System.Text.Json converters cannot await: the personal-data
/// converter asks here synchronously while Marten serializes or reads an event. Keys come from
/// <see cref="SubjectKeysSchema.Table"/>.
/// <para>A key is never made inside serialization: before appending an event that names a new subject, the use case
/// awaits <see cref="EnsureKeysAsync"/> (the subject's key is created in the database and held here), then calls
/// <c>SaveChangesAsync</c>. An append for a subject with no key fails; one for an erased subject is refused.</para>
/// <para>A subject not held here (a key made by another process) is read from the table once, synchronously. An
/// erasure made by another process reaches this ring at <see cref="RefreshAsync"/>; until a host calls it on a timer
/// or on a notification, this process may still read that person's data.</para>
/// </summary>
public sealed class SubjectKeyring(NpgsqlDataSource dataSource, string schema = MartenSetup.Schema)
{
    // a null key means erased
    private readonly ConcurrentDictionary<Guid, byte[]?> _keys = new();

    private string Table => $"{schema}.{SubjectKeysSchema.Table}";

    /// <summary>
    /// Loads every key and every erasure from the table; a key no longer there is forgotten. An erasure is final, so a
    /// subject this ring holds as erased stays erased even when the rows were read just before this node erased them.
    /// </summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        var seen = new HashSet<Guid>();
        await using (var cmd = dataSource.CreateCommand($"select subject_id, key from {Table}"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var subject = reader.GetGuid(0);
                seen.Add(subject);
                var key = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
                _keys.AddOrUpdate(subject, key, (_, held) => held is null ? null : key);
            }
        foreach (var subject in _keys.Keys.Where(s => !seen.Contains(s)).ToList()) _keys.TryRemove(subject, out _);
    }

    /// <summary>Makes sure each subject has a key here and in the table, creating keys for new subjects. Erased subjects stay erased.</summary>
    public async Task EnsureKeysAsync(IEnumerable<Guid> subjects, CancellationToken ct = default)
    {
        var missing = subjects.Distinct().Where(s => !_keys.ContainsKey(s)).ToArray();
        if (missing.Length == 0) return;
        // the no-op update makes RETURNING give the existing row, so a key made concurrently elsewhere wins
        await using var cmd = dataSource.CreateCommand($"""
            insert into {Table} (subject_id, key)
            select s, k from unnest($1::uuid[], $2::bytea[]) as u(s, k)
            on conflict (subject_id) do update set subject_id = excluded.subject_id
            returning subject_id, key
            """);
        cmd.Parameters.Add(new() { Value = missing });
        cmd.Parameters.Add(new() { Value = missing.Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) _keys[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
    }

    /// <summary>Destroys the subject's key in the table and here. Returns false when the subject was already erased.</summary>
    public async Task<bool> EraseAsync(Guid subject, string erasedBy, string reason, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            insert into {Table} (subject_id, key, erased_at, erased_by, erasure_reason) values ($1, null, now(), $2, $3)
            on conflict (subject_id) do update set key = null, erased_at = now(), erased_by = $2, erasure_reason = $3
             where {Table}.erased_at is null
            """);
        cmd.Parameters.Add(new() { Value = subject });
        cmd.Parameters.Add(new() { Value = erasedBy });
        cmd.Parameters.Add(new() { Value = reason });
        var changed = await cmd.ExecuteNonQueryAsync(ct) > 0;
        _keys[subject] = null;
        return changed;
    }

    /// <summary>Whether this ring holds the subject's key (or erasure), so reading their events needs no query for it.</summary>
    public bool Holds(Guid subject) => _keys.ContainsKey(subject);

    /// <summary>The key to encrypt a new event with.</summary>
    internal byte[] KeyForWriting(Guid subject) => Find(subject) switch
    {
        { Found: true, Key: { } key } => key,
        { Found: true } => throw new SubjectErasedException(subject),
        _ => throw new MissingSubjectKeyException(subject),
    };

    /// <summary>The key to decrypt with; null when the subject was erased (or their key is gone), so fields read as erased.</summary>
    internal byte[]? KeyForReading(Guid subject) => Find(subject).Key;

    private (bool Found, byte[]? Key) Find(Guid subject)
    {
        if (_keys.TryGetValue(subject, out var held)) return (true, held);
        using var cmd = dataSource.CreateCommand($"select key from {Table} where subject_id = $1");
        cmd.Parameters.Add(new() { Value = subject });
        using var reader = cmd.ExecuteReader();
        if (!reader.Read()) return (false, null);
        var key = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
        _keys[subject] = key;
        return (true, key);
    }
}

/// <summary>An event names a person whose personal data was erased: nothing more is recorded about them.</summary>
public sealed class SubjectErasedException(Guid subject)
    : InvalidOperationException($"The personal data of subject {subject} was erased; nothing more can be recorded about them.")
{
    public Guid Subject { get; } = subject;
}

/// <summary>An event names a person who has no key yet: the use case did not call <see cref="SubjectKeyring.EnsureKeysAsync"/>.</summary>
public sealed class MissingSubjectKeyException(Guid subject)
    : InvalidOperationException($"Subject {subject} has no key; call SubjectKeyring.EnsureKeysAsync for them before SaveChangesAsync.")
{
    public Guid Subject { get; } = subject;
}
