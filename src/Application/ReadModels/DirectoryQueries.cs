using SecondChance.Integrity.Tenancy;
using Npgsql;
using NpgsqlTypes;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.ReadModels;

public sealed partial class DirectoryQueries(TenantDataSource dataSource, EventStoreOptions options)
{
    private readonly string _s = options.Schema;

    public Task<Page<InmateListItem>> InmatesAsync(DirectoryFilter f, CancellationToken ct) => PageAsync(f, $"""
        from {_s}.inmate_directory d
        where ($1::uuid is null or d.facility_id = $1) and ($2::text is null or d.status = $2)
          and ($4::uuid[] is null or d.facility_id = any($4))
          and ($3::uuid is null or exists (select 1 from {_s}.inmate_enrolments e
                                            where e.inmate_id = d.inmate_id and e.programme_id = $3))
          and ($5::text is null or d.prisoner_number ilike $5 or ($6 and d.full_name ilike $5))
        """,
        InmateColumns, "d.full_name, d.inmate_id", ReadInmate, ct,
        (f.Search is { } search ? $"%{EscapeLike(search)}%" : null, NpgsqlDbType.Text), (f.SearchNames, NpgsqlDbType.Boolean));

    /// <summary>A LIKE pattern matching the text literally (backslash is PostgreSQL's default escape).</summary>
    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    /// <summary>The descriptive record of one inmate (name and the like, which decisions do not need).</summary>
    public async Task<InmateListItem?> InmateAsync(Guid inmateId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"select {InmateColumns} from {_s}.inmate_directory d where d.inmate_id = $1");
        cmd.Parameters.Add(new() { Value = inmateId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadInmate(r) : null;
    }

    /// <summary>Prisoner number and name of each of the inmates, for lists that name the people they concern.</summary>
    public async Task<IReadOnlyDictionary<Guid, (string PrisonerNumber, string FullName)>> InmateNamesAsync(IEnumerable<Guid> inmateIds, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"select inmate_id, prisoner_number, full_name from {_s}.inmate_directory where inmate_id = any($1)");
        cmd.Parameters.Add(new() { Value = inmateIds.Distinct().ToArray() });
        var names = new Dictionary<Guid, (string, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) names[r.GetGuid(0)] = (r.GetString(1), r.GetString(2));
        return names;
    }

    private const string InmateColumns =
        "d.inmate_id, d.facility_id, d.prisoner_number, d.full_name, d.sex, d.date_of_birth, d.legal_status, d.status, d.ward_id, " +
        "d.mentor_id, d.admitted_at, d.expected_release_date, d.released_at, d.version";

    private static InmateListItem ReadInmate(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3),
        r.GetString(4), r.GetFieldValue<DateOnly>(5), r.GetString(6), r.GetString(7), Nullable<Guid>(r, 8), Nullable<Guid>(r, 9),
        r.GetFieldValue<DateTimeOffset>(10), Nullable<DateOnly>(r, 11), Nullable<DateTimeOffset>(r, 12), r.GetInt64(13));

    public Task<Page<ProgrammeListItem>> ProgrammesAsync(DirectoryFilter f, CancellationToken ct) => PageAsync(f, $"""
        from {_s}.programme_directory d
        where ($1::uuid is null or d.facility_id = $1) and ($2::text is null or d.status = $2)
          and ($3::uuid is null or d.programme_id = $3) and ($4::uuid[] is null or d.facility_id = any($4))
        """,
        ProgrammeColumns, "d.name, d.programme_id", ReadProgramme, ct);

    /// <summary>The descriptive record of one programme (its name and instructor, which decisions do not need).</summary>
    public async Task<ProgrammeListItem?> ProgrammeAsync(Guid programmeId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"select {ProgrammeColumns} from {_s}.programme_directory d where d.programme_id = $1");
        cmd.Parameters.Add(new() { Value = programmeId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadProgramme(r) : null;
    }

    private const string ProgrammeColumns =
        "d.programme_id, d.facility_id, d.name, d.craft, d.skills, d.capacity, d.enrolled, d.status, d.instructor_name, d.opened_on, d.version";

    private static ProgrammeListItem ReadProgramme(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3),
        r.GetFieldValue<string[]>(4), r.GetInt32(5), r.GetInt32(6), r.GetString(7), r.GetString(8), r.GetFieldValue<DateOnly>(9), r.GetInt64(10));

    public Task<Page<ItemListItem>> ItemsAsync(DirectoryFilter f, CancellationToken ct) => PageAsync(f, $"""
        from {_s}.item_directory d
        where ($1::uuid is null or d.facility_id = $1) and ($2::text is null or d.status = $2)
          and ($3::uuid is null or d.programme_id = $3) and ($4::uuid[] is null or d.facility_id = any($4))
        """,
        "d.item_id, d.facility_id, d.programme_id, d.description, d.craft, d.status, d.price_minor, d.currency, d.sale_id, d.produced_at, d.version",
        "d.produced_at desc, d.item_id",
        r => new ItemListItem(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.GetString(4), r.GetString(5),
            Nullable<long>(r, 6), r.GetString(7), Nullable<Guid>(r, 8), r.GetFieldValue<DateTimeOffset>(9), r.GetInt64(10)), ct);

    public Task<Page<MentorListItem>> MentorsAsync(DirectoryFilter f, CancellationToken ct) => PageAsync(f, $"""
        from {_s}.mentor_directory d
        where ($1::uuid is null or true) and ($2::text is null or d.status = $2) and ($3::uuid is null or true)
          and ($4::uuid[] is null or true)
        """,
        "d.mentor_id, d.full_name, d.organisation, d.status, d.version",
        "d.full_name, d.mentor_id",
        r => new MentorListItem(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)), ct);

    /// <summary>The descriptive record of one mentor (name and organisation, which decisions do not need).</summary>
    public async Task<MentorListItem?> MentorAsync(Guid mentorId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            $"select mentor_id, full_name, organisation, status, version from {_s}.mentor_directory where mentor_id = $1");
        cmd.Parameters.Add(new() { Value = mentorId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new MentorListItem(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)) : null;
    }

    /// <summary>$1 facility, $2 status, $3 programme, $4 the reader's facilities, then the list's own <paramref name="more"/> filters.</summary>
    private async Task<Page<T>> PageAsync<T>(DirectoryFilter f, string fromWhere, string columns, string orderBy, Func<NpgsqlDataReader, T> read,
        CancellationToken ct, params (object? Value, NpgsqlDbType Type)[] more)
    {
        await using var batch = dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"select count(*) {fromWhere}");
        var rows = new NpgsqlBatchCommand($"select {columns} {fromWhere} order by {orderBy} limit ${5 + more.Length} offset ${6 + more.Length}");
        foreach (var cmd in new[] { count, rows })
        {
            cmd.Parameters.Add(new() { Value = (object?)f.FacilityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new() { Value = (object?)f.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = (object?)f.ProgrammeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new() { Value = (object?)f.Facilities?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            foreach (var (value, type) in more) cmd.Parameters.Add(new() { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        }
        rows.Parameters.Add(new() { Value = f.PageSize });
        rows.Parameters.Add(new() { Value = (long)(f.PageNumber - 1) * f.PageSize });
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);
        await using var r = await batch.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var total = r.GetInt64(0);
        await r.NextResultAsync(ct);
        var items = new List<T>();
        while (await r.ReadAsync(ct)) items.Add(read(r));
        return new Page<T>(items, f.PageNumber, f.PageSize, total);
    }

    private static T? Nullable<T>(NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
}
