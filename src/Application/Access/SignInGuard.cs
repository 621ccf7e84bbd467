using SecondChance.Integrity.Events;

namespace SecondChance.Application.Access;

/// <param name="MaxFailures">Failures from one address within the window that lock the username for that address.</param>
/// <param name="MaxFailuresEverywhere">Failures from all addresses together that lock the username everywhere.</param>
public sealed record LockoutOptions(int MaxFailures = 5, TimeSpan? Window = null, TimeSpan? LockFor = null, int MaxFailuresEverywhere = 50)
{
    public TimeSpan WindowLength => Window ?? TimeSpan.FromMinutes(15);
    public TimeSpan LockLength => LockFor ?? TimeSpan.FromMinutes(15);
}

public enum SignInOutcome { Success, Failed, Locked }

/// <summary>
/// Checks a password against the user directory with lock-out, whether or not the username exists, so the answer never
/// tells an attacker which usernames are real. MaxFailures failures within the window from one address lock the
/// username for that address only, so that a stranger guessing cannot lock a member of staff out of their own desk;
/// MaxFailuresEverywhere failures from all addresses together (a guessing attack spread over many) lock it everywhere.
/// </summary>
public sealed class SignInGuard(MartenEventLog store, UserDirectory users, IPasswordHashing hashing, LockoutOptions options, TimeProvider clock)
{
    private string Table => $"{store.Schema}.sign_in_failures";

    /// <param name="source">The client's address ("-" when unknown).</param>
    public async Task<(SignInOutcome Outcome, UserRecord? User)> CheckAsync(string username, string password, string source,
        CancellationToken ct)
    {
        var key = (username ?? "").Trim().ToLowerInvariant();
        if (key.Length is 0 or > 64) key = "-";
        var fromHere = $"{key} from {(string.IsNullOrEmpty(source) ? "-" : source[..Math.Min(source.Length, 64)])}";
        var now = clock.GetUtcNow();
        if (await LockedUntilAsync([fromHere, key], ct) is { } until && until > now) return (SignInOutcome.Locked, null);

        var user = await users.FindByUsernameAsync(key, ct);
        // hash even for unknown users so timing does not reveal which usernames exist
        var check = hashing.Verify(user?.PasswordHash ?? DummyHash.Value, password ?? "");
        if (user is { Active: true } && check != PasswordCheck.Failed)
        {
            // the count across addresses stays: a spread-out attack goes on whether or not the owner signs in meanwhile
            await ExecAsync($"delete from {Table} where username = $1", ct, fromHere);
            return (SignInOutcome.Success, user);
        }
        var locked = await RecordFailureAsync(fromHere, options.MaxFailures, now, ct);
        locked |= await RecordFailureAsync(key, options.MaxFailuresEverywhere, now, ct);
        return (locked ? SignInOutcome.Locked : SignInOutcome.Failed, null);
    }

    private Lazy<string> DummyHash => _dummy ??= new Lazy<string>(() => hashing.Hash(Guid.NewGuid().ToString("N")));
    private Lazy<string>? _dummy;

    private async Task<DateTimeOffset?> LockedUntilAsync(string[] keys, CancellationToken ct)
    {
        await using var cmd = store.Home.CreateCommand($"select max(locked_until) from {Table} where username = any($1)");
        cmd.Parameters.Add(new() { Value = keys });
        return await cmd.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    /// <summary>Counts a failure against a key (a username, or a username from one address); true when it is now locked.</summary>
    private async Task<bool> RecordFailureAsync(string key, int maxFailures, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = store.Home.CreateCommand($"""
            insert into {Table} as f (username, failures, window_start) values ($1, 1, $2)
            on conflict (username) do update set
              failures = case when f.window_start < $3 or f.locked_until is not null then 1 else f.failures + 1 end,
              window_start = case when f.window_start < $3 or f.locked_until is not null then $2 else f.window_start end,
              locked_until = null
            returning failures
            """);
        cmd.Parameters.Add(new() { Value = key });
        cmd.Parameters.Add(new() { Value = now.UtcDateTime });
        cmd.Parameters.Add(new() { Value = (now - options.WindowLength).UtcDateTime });
        var failures = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
        if (failures < maxFailures) return false;
        await ExecAsync($"update {Table} set locked_until = $2 where username = $1", ct, key, (now + options.LockLength).UtcDateTime);
        return true;
    }

    private async Task ExecAsync(string sql, CancellationToken ct, params object[] values)
    {
        await using var cmd = store.Home.CreateCommand(sql);
        foreach (var v in values) cmd.Parameters.Add(new() { Value = v });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
