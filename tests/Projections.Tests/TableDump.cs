namespace SecondChance.Projections.Tests;

public static class TableDump
{
    /// <summary>Every row of every table in the schema as text, in a stable order.</summary>
    public static async Task<string> SchemaAsync(ProjectionsDatabase db, string schema)
    {
        await using var cmd = db.DataSource.CreateCommand($"""
            select string_agg(tablename, ',' order by tablename) from pg_tables where schemaname = '{schema}' and tablename <> 'schema_migrations'
            """);
        var tables = ((string)(await cmd.ExecuteScalarAsync())!).Split(',');
        var parts = new List<string>();
        foreach (var t in tables)
        {
            await using var rows = db.DataSource.CreateCommand($"select '{t}: ' || coalesce(string_agg(r::text, E'\\n' order by r::text), '') from {schema}.{t} r");
            parts.Add((string)(await rows.ExecuteScalarAsync())!);
        }
        return string.Join("\n", parts);
    }
}
