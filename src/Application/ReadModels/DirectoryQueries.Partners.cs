using Npgsql;

namespace SecondChance.Application.ReadModels;

public sealed record PartnerListItem(Guid PartnerId, string Name, string Kind, string[] Roles, DateTimeOffset RegisteredAt, long Version);

public sealed record MemorandumView(
    Guid MemorandumId, Guid FacilityId, string Scope, DateOnly StartsOn, DateOnly EndsOn, string ContactName, string ContactDetails);

public sealed record PartnerView(Guid PartnerId, string Name, string Kind, string[] Roles, DateTimeOffset RegisteredAt, long Version,
    IReadOnlyList<MemorandumView> Memoranda);

public sealed record OrderListItem(
    Guid OrderId, Guid PartnerId, string PartnerName, Guid FacilityId, Guid ProgrammeId, string Description, string Craft, int Quantity,
    long PricePerItemMinor, string Currency, DateOnly DeliverBy, string Reference, string Status, int Allocated, int Delivered, int Paid,
    long PaidMinor, DateTimeOffset PlacedAt, long Version);

public sealed partial class DirectoryQueries
{
    /// <summary>Partners are organisations, not people of one facility: every staff reader sees all of them.</summary>
    public Task<Page<PartnerListItem>> PartnersAsync(DirectoryFilter f, CancellationToken ct) => PageAsync(f, $"""
        from {_s}.partner_directory d
        where ($1::uuid is null or exists (select 1 from {_s}.partner_memoranda m where m.partner_id = d.partner_id and m.facility_id = $1))
          and ($2::text is null or $2 = any(d.roles)) and ($3::uuid is null or true) and ($4::uuid[] is null or true)
        """,
        "d.partner_id, d.name, d.kind, d.roles, d.registered_at, d.version", "d.name, d.partner_id",
        r => new PartnerListItem(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetFieldValue<DateTimeOffset>(4),
            r.GetInt64(5)), ct);

    public async Task<PartnerView?> PartnerAsync(Guid partnerId, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new($"select partner_id, name, kind, roles, registered_at, version from {_s}.partner_directory where partner_id = $1")
            { Parameters = { new() { Value = partnerId } } });
        batch.BatchCommands.Add(new($"""
            select memorandum_id, facility_id, scope, starts_on, ends_on, contact_name, contact_details
            from {_s}.partner_memoranda where partner_id = $1 order by starts_on, memorandum_id
            """) { Parameters = { new() { Value = partnerId } } });
        await using var r = await batch.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var (id, name, kind, roles, at, version) =
            (r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetFieldValue<DateTimeOffset>(4), r.GetInt64(5));
        await r.NextResultAsync(ct);
        var memoranda = new List<MemorandumView>();
        while (await r.ReadAsync(ct))
            memoranda.Add(new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateOnly>(4),
                r.GetString(5), r.GetString(6)));
        return new PartnerView(id, name, kind, roles, at, version, memoranda);
    }

    public Task<Page<OrderListItem>> OrdersAsync(DirectoryFilter f, CancellationToken ct) => PageAsync(f, $"""
        from {_s}.order_directory d join {_s}.partner_directory p on p.partner_id = d.partner_id
        where ($1::uuid is null or d.facility_id = $1) and ($2::text is null or d.status = $2)
          and ($3::uuid is null or d.programme_id = $3) and ($4::uuid[] is null or d.facility_id = any($4))
        """,
        OrderColumns, "d.deliver_by, d.order_id", ReadOrder, ct);

    public async Task<OrderListItem?> OrderAsync(Guid orderId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select {OrderColumns} from {_s}.order_directory d join {_s}.partner_directory p on p.partner_id = d.partner_id where d.order_id = $1
            """);
        cmd.Parameters.Add(new() { Value = orderId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadOrder(r) : null;
    }

    private const string OrderColumns =
        "d.order_id, d.partner_id, p.name, d.facility_id, d.programme_id, d.description, d.craft, d.quantity, d.price_per_item_minor, d.currency, " +
        "d.deliver_by, d.reference, d.status, d.allocated, d.delivered, d.paid, d.paid_minor, d.placed_at, d.version";

    private static OrderListItem ReadOrder(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetGuid(3), r.GetGuid(4),
        r.GetString(5), r.GetString(6), r.GetInt32(7), r.GetInt64(8), r.GetString(9), r.GetFieldValue<DateOnly>(10), r.GetString(11),
        r.GetString(12), r.GetInt32(13), r.GetInt32(14), r.GetInt32(15), r.GetInt64(16), r.GetFieldValue<DateTimeOffset>(17), r.GetInt64(18));
}
