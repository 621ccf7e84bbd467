using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace SecondChance.Host.Security;

/// <summary>
/// Keeps ASP.NET Core's data-protection key ring (what protects bearer tokens and sign-in cookies) in the database, so a
/// token or cookie issued by one node is accepted by every node on that database, and survives a node's replacement.
/// The key XML is stored as ASP.NET Core writes it (unencrypted at rest, as on a file system): the database's access
/// control protects it. Key-ring reads are rare (the key manager caches them), so the calls are synchronous.
/// </summary>
public sealed class DatabaseKeyRepository(NpgsqlDataSource db, string schema) : IXmlRepository
{
    private readonly string _table = $"{schema}.data_protection_keys";
    private volatile bool _ready;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureTable();
        using var cmd = db.CreateCommand($"select xml from {_table} order by created_at, friendly_name");
        using var r = cmd.ExecuteReader();
        var keys = new List<XElement>();
        while (r.Read()) keys.Add(XElement.Parse(r.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureTable();
        using var cmd = db.CreateCommand($"insert into {_table} (friendly_name, xml) values ($1, $2) on conflict (friendly_name) do nothing");
        cmd.Parameters.Add(new() { Value = friendlyName });
        cmd.Parameters.Add(new() { Value = element.ToString(SaveOptions.DisableFormatting) });
        cmd.ExecuteNonQuery();
    }

    // the key ring may be read before the start-up migrations have run (a first request's cookie), so the table is its own
    private void EnsureTable()
    {
        if (_ready) return;
        using var cmd = db.CreateCommand($"""
            create schema if not exists {schema};
            create table if not exists {_table} (
                friendly_name text        primary key,
                xml           text        not null,
                created_at    timestamptz not null default now()
            )
            """);
        cmd.ExecuteNonQuery();
        _ready = true;
    }
}
