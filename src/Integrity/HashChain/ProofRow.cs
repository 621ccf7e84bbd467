using Npgsql;

namespace SecondChance.Integrity.HashChain;

/// <summary>
/// One row of a proof's pass: an event with its link, an event without one, or a link whose event is gone
/// (<see cref="Event"/> null); <see cref="Covered"/> says whether it lies at or before the checkpoint.
/// </summary>
internal sealed record ProofRow(string StreamId, long Version, StoredRow? Event, byte[]? Hash, short Format, bool Covered)
{
    private const int Link = 3 + StoredRow.ColumnCount;

    /// <summary>Reads stream, version, whether there is an event, <see cref="StoredRow.Columns"/>, hash, format, covered.</summary>
    public static ProofRow Read(NpgsqlDataReader r) => new(r.GetString(0), r.GetInt64(1), r.GetBoolean(2) ? StoredRow.Read(r, 3) : null,
        r.IsDBNull(Link) ? null : r.GetFieldValue<byte[]>(Link), r.IsDBNull(Link + 1) ? ChainHash.DatabaseFormat : r.GetInt16(Link + 1),
        r.GetBoolean(Link + 2));
}
