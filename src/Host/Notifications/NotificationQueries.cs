using SecondChance.Integrity.Tenancy;
using Npgsql;
using SecondChance.Integrity.Events;

namespace SecondChance.Host.Notifications;

public sealed class NotificationQueries(TenantDataSource db, EventStoreOptions store)
{
    public async Task<IReadOnlyList<OversightNotificationView>> ForFacilityAsync(Guid facilityId, int limit, IReadOnlyList<string> hiddenRules, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select notice_id, rule_code, inmate_id, facility_id, opened_at, recipient, due_by, detail, noticed_at, recorded_at
            from {store.Schema}.oversight_notifications where facility_id = $1 and rule_code <> all($3) order by opened_at desc, notice_id limit $2
            """);
        cmd.Parameters.Add(new() { Value = facilityId });
        cmd.Parameters.Add(new() { Value = limit });
        cmd.Parameters.Add(new() { Value = hiddenRules.ToArray() });
        var list = new List<OversightNotificationView>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new OversightNotificationView(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetGuid(3), r.GetFieldValue<DateTimeOffset>(4),
                r.GetString(5), r.GetFieldValue<DateTimeOffset>(6), r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.GetFieldValue<DateTimeOffset>(9)));
        return list;
    }
}
