using SecondChance.Integrity.Events;
using Npgsql;
using SecondChance.Domain.Access;

namespace SecondChance.Application.Access;

public sealed class UserDirectory(MartenEventLog store)
{
    private string Table => $"{store.Schema}.user_directory";

    public Task<UserRecord?> FindByUsernameAsync(string username, CancellationToken ct) =>
        OneAsync($"where username = $1", UsernameReservation.Normalize(username), ct);

    public Task<UserRecord?> FindAsync(Guid userId, CancellationToken ct) => OneAsync("where user_id = $1", userId, ct);

    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken ct)
    {
        await using var cmd = store.Home.CreateCommand($"{Select} order by username limit 1000");
        return await ReadAsync(cmd, ct);
    }

    /// <summary>How many users, active or not, belong to <paramref name="tenant"/> or hold a grant to read it.</summary>
    public async Task<long> CountOfProvinceAsync(string tenant, CancellationToken ct)
    {
        await using var cmd = store.Home.CreateCommand($"select count(*) from {Table} where tenant = $1 or $1 = any(read_tenants)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    private const string Columns = "user_id, username, display_name, password_hash, active, roles, facilities, programmes, personal_data, version, tenant, read_tenants";
    private string Select => $"select {Columns} from {Table}";

    private async Task<UserRecord?> OneAsync(string where, object value, CancellationToken ct)
    {
        await using var cmd = store.Home.CreateCommand($"{Select} {where}");
        cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<UserRecord>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<UserRecord>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new UserRecord(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4),
                r.GetFieldValue<string[]>(5).Select(Enum.Parse<Role>).ToList(), r.GetFieldValue<Guid[]>(6), r.GetFieldValue<Guid[]>(7),
                r.GetBoolean(8), r.GetInt64(9))
            {
                Tenant = r.IsDBNull(10) ? null : r.GetString(10),
                ReadTenants = r.GetFieldValue<string[]>(11),
            });
        return list;
    }
}
