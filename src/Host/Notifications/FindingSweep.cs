using SecondChance.Integrity.Tenancy;
using Marten;
using Npgsql;
using SecondChance.Domain.Compliance;
using SecondChance.Integrity.Events;
using SecondChance.Projections.ReadModels;
using Wolverine;

namespace SecondChance.Host.Notifications;

/// <summary>
/// Judges the rights rules now, over the oversight read model, and sends a <see cref="NotifyOversight"/> for every
/// finding not noticed before: open ones, and ones that opened and closed within the look-back. The finding is marked
/// noticed and the message stored in one transaction (Wolverine's outbox), so a notice is neither lost nor sent twice,
/// whichever node sweeps and whenever one dies.
/// </summary>
public sealed class SweepComplianceFindingsHandler(ReadModelQueries readModels, TenantDataSource db, EventStoreOptions store,
    NotificationOptions options, TimeProvider clock, ILogger<SweepComplianceFindingsHandler> logger)
{
    public async Task HandleAsync(SweepComplianceFindings sweep, IDocumentSession session, IMessageContext bus, CancellationToken ct)
    {
        // one node sweeps at a time; the others skip this tick (the noticed-findings key would keep them honest anyway).
        // The lock is the connection's: it goes when the connection is closed, whatever happens here
        await using var guard = await db.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock(hashtext('secondchance.compliance-sweep'))", guard))
            if (await take.ExecuteScalarAsync(ct) is not true) return;
        try
        {
            await SweepAsync(session, bus, ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(hashtext('secondchance.compliance-sweep'))", guard);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private async Task SweepAsync(IDocumentSession session, IMessageContext bus, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var facilities = await readModels.Oversight.FacilitiesAsync(ct);
        var notices = new Dictionary<Guid, OversightNotice>();
        foreach (var (facilityId, facility) in facilities)
        {
            var all = await readModels.Oversight.FacilityAsync(facilityId, ct);
            foreach (var finding in all.SelectMany(facts => ComplianceRules.Evaluate(facts, facilities.GetValueOrDefault, now))
                         .Concat(WardOccupancy.OverCapacity(facility, all, now)))
                if (finding.IsOpen || finding.PeriodEnd >= now - options.LookBack)
                    notices.TryAdd(OversightDuty.NoticeOf(finding).NoticeId, OversightDuty.NoticeOf(finding));
        }
        if (notices.Count == 0) return;

        var noticed = await NoticedAsync(notices.Keys, ct);
        var fresh = notices.Values.Where(n => !noticed.Contains(n.NoticeId)).OrderBy(n => n.OpenedAt).ToList();
        if (fresh.Count == 0) return;
        var batch = new SqlBatch();
        foreach (var n in fresh)
        {
            batch.Add($"insert into {store.Schema}.noticed_findings (notice_id, rule_code, inmate_id, facility_id, opened_at, noticed_at) values ($1, $2, $3, $4, $5, $6)",
                n.NoticeId, n.RuleCode, n.InmateId, n.FacilityId, n.OpenedAt, now);
            await bus.PublishAsync(new NotifyOversight(n, now));
        }
        batch.QueueOn(session);
        // a sweep on another node that noticed the same finding first makes this save fail: nothing is written or sent
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Noticed {Count} compliance findings for oversight", fresh.Count);
    }

    private async Task<HashSet<Guid>> NoticedAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select notice_id from {store.Schema}.noticed_findings where notice_id = any($1)");
        cmd.Parameters.Add(new() { Value = ids.ToArray() });
        var found = new HashSet<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) found.Add(r.GetGuid(0));
        return found;
    }
}
