using Npgsql;

namespace SecondChance.Integrity.Tenancy;

/// <summary>
/// What keeps a disabled province's records unwritten whichever node tries: a statement trigger on each table of the
/// province's database that commands and messages write (the events table, and the few a message writes without an
/// event), refusing every change; installed when the province is disabled, dropped when it is enabled. A node learns
/// of the disabling from the registry seconds later; a command it runs meanwhile fails in the database and nothing of
/// it is written, and a message (a reminder come due) waits, retried, until the province is enabled. It costs nothing
/// while the province is enabled (there is no trigger then); a copy of a disabled province's database (a move)
/// carries the guard along, and the old one keeps it for good.
/// </summary>
public static class ProvinceGuard
{
    /// <summary>The SQLSTATE of a refused write (a code of our own: letters, so no PostgreSQL class has it).</summary>
    public const string SqlState = "SCPD1";

    public const string Trigger = "sc_province_disabled";
    private const string Function = "sc_refuse_disabled_province";

    /// <param name="functionSchema">Where the trigger function goes (Marten's event schema).</param>
    /// <param name="tables">Qualified names of the tables to guard; one not there yet is skipped.</param>
    public static Task InstallAsync(NpgsqlDataSource province, string functionSchema, IReadOnlyList<string> tables, CancellationToken ct) =>
        ExecAsync(province, $"""
            create or replace function {functionSchema}.{Function}() returns trigger language plpgsql as $f$
            begin
              raise exception using errcode = '{SqlState}',
                message = 'This province is disabled: nothing is written to its records until a national administrator enables it.';
            end $f$;
            """ + EachTable(tables, $"""
                execute format('drop trigger if exists {Trigger} on %s', t);
                execute format('create trigger {Trigger} before insert or update or delete or truncate on %s
                  for each statement execute function {functionSchema}.{Function}()', t);
            """), ct);

    public static Task RemoveAsync(NpgsqlDataSource province, IReadOnlyList<string> tables, CancellationToken ct) =>
        ExecAsync(province, EachTable(tables, $"execute format('drop trigger if exists {Trigger} on %s', t);"), ct);

    /// <summary>Whether <paramref name="e"/>, or what caused it, is a write the guard refused.</summary>
    public static bool Refused(Exception? e) => e switch
    {
        null => false,
        PostgresException pg when pg.SqlState == SqlState => true,
        AggregateException a => a.InnerExceptions.Any(Refused),
        _ => Refused(e.InnerException),
    };

    private static string EachTable(IReadOnlyList<string> tables, string body) => $"""
        do $d$ declare t regclass; begin
          foreach t in array (select coalesce(array_agg(to_regclass(n)) filter (where to_regclass(n) is not null), array[]::regclass[])
                              from unnest(array['{string.Join("','", tables)}']) n) loop
            {body}
          end loop;
        end $d$;
        """;

    private static async Task ExecAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
