using Marten;
using SecondChance.Integrity.Events;

namespace SecondChance.Host.Notifications;

/// <summary>
/// Records a notification from its durable message. Delivered at least once (a node that dies before the inbox marks
/// the message handled hands it to the next), recorded exactly once: the notice id is the key.
/// </summary>
public sealed class NotifyOversightHandler(EventStoreOptions store, NotificationFaults faults)
{
    public async Task HandleAsync(NotifyOversight m, IDocumentSession session, CancellationToken ct)
    {
        await faults.AtAsync(NotificationFaults.BeforeRecord, ct);
        var batch = new SqlBatch();
        batch.Add($"""
            insert into {store.Schema}.oversight_notifications
                (notice_id, rule_code, inmate_id, facility_id, opened_at, recipient, due_by, detail, noticed_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (notice_id) do nothing
            """, m.Notice.NoticeId, m.Notice.RuleCode, m.Notice.InmateId, m.Notice.FacilityId, m.Notice.OpenedAt, m.Notice.Recipient,
            m.Notice.DueBy, m.Notice.Detail, m.NoticedAt);
        batch.QueueOn(session);
        await session.SaveChangesAsync(ct);
        await faults.AtAsync(NotificationFaults.AfterRecord, ct);
    }
}
