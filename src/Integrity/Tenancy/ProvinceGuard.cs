using Npgsql;

namespace SecondChance.Integrity.Tenancy;

/// <summary>
/// What keeps a disabled province's records unwritten whichever node tries: a statement trigger on the province's own
/// events table that refuses every append, installed when the province is disabled and dropped when it is enabled. A
/// node learns of the disabling from the registry seconds later; a command it runs meanwhile fails in the database,
/// and nothing of it is written. It costs nothing while the province is enabled (there is no trigger then), and a copy
/// of a disabled province's database (moving it) carries the guard along, while the old one keeps it for good.
/// </summary>
public static class ProvinceGuard
{
    /// <summary>The SQLSTATE of a refused write (a code of our own: letters, so no PostgreSQL class has it).</summary>
    public const string SqlState = "SCPD1";

    private const string Trigger = "sc_province_disabled";
    private const string Function = "sc_refuse_disabled_province";

    public static async Task InstallAsync(NpgsqlDataSource province, string schema, CancellationToken ct)
    {
        await using var cmd = province.CreateCommand($"""
            create or replace function {schema}.{Function}() returns trigger language plpgsql as $f$
            begin
              raise exception using errcode = '{SqlState}',
                message = 'This province is disabled: nothing is written to its records until a national administrator enables it.';
            end $f$;
            drop trigger if exists {Trigger} on {schema}.mt_events;
            create trigger {Trigger} before insert or update or delete on {schema}.mt_events
              for each statement execute function {schema}.{Function}();
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task RemoveAsync(NpgsqlDataSource province, string schema, CancellationToken ct)
    {
        await using var cmd = province.CreateCommand($"drop trigger if exists {Trigger} on {schema}.mt_events");
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Whether <paramref name="e"/>, or what caused it, is a write the guard refused.</summary>
    public static bool Refused(Exception? e) => e switch
    {
        null => false,
        PostgresException pg when pg.SqlState == SqlState => true,
        AggregateException a => a.InnerExceptions.Any(Refused),
        _ => Refused(e.InnerException),
    };
}
