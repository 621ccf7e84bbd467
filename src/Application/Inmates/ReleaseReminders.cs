using Marten;
using Npgsql;
using SecondChance.Domain.Inmates;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.Inmates;

/// <summary>
/// A scheduled reminder to the welfare team that a release is <paramref name="DaysBefore"/> days away; sent by
/// <see cref="PlanReleaseHandler"/> with the plan, in the same transaction (Wolverine's outbox, durable scheduling).
/// </summary>
public sealed record RemindOfReleaseReadiness(Guid InmateId, DateOnly ExpectedReleaseDate, int DaysBefore);

/// <summary>A reminder recorded for the welfare team: what the release still lacked when it came due.</summary>
public sealed record ReleaseReminder(
    Guid InmateId, string PrisonerNumber, Guid FacilityId, DateOnly ExpectedReleaseDate, int DaysBefore, IReadOnlyList<string> Missing,
    DateTimeOffset RemindedAt);

/// <summary>
/// Records the reminder when it comes due, if it still stands: the inmate is held, the plan still names that date (a
/// changed plan scheduled its own reminders) and something is still missing. Recorded once per inmate, date and
/// point (90 or 30 days): a reminder delivered twice, or scheduled again by a plan changed back, is not recorded twice.
/// </summary>
public sealed class RemindOfReleaseReadinessHandler(Streams streams, MartenEventLog store, TimeProvider clock)
{
    /// <summary>The one table a message writes in a province's database without appending an event (a disabled province guards it).</summary>
    public const string Table = "release_reminders";

    public async Task HandleAsync(RemindOfReleaseReadiness reminder, IDocumentSession session, CancellationToken ct)
    {
        var inmate = (await streams.InmateAsync(reminder.InmateId, ct)).State;
        if (!inmate.Exists || inmate.IsReleased || inmate.ExpectedReleaseDate != reminder.ExpectedReleaseDate) return;
        var missing = ReleaseReadiness.Missing(inmate);
        if (missing.Count == 0) return;
        var batch = new SqlBatch();
        batch.Add($"""
            insert into {store.Schema}.{Table}
                (inmate_id, expected_release_date, days_before, facility_id, prisoner_number, missing, reminded_at)
            values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing
            """, inmate.InmateId, reminder.ExpectedReleaseDate, reminder.DaysBefore, inmate.FacilityId, inmate.PrisonerNumber, missing.ToArray(),
            clock.GetUtcNow());
        batch.QueueOn(session);
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>The reminders that still stand: inmates held, whose plan still names the reminded date, newest date first.</summary>
public sealed class ReleaseReminderQueries(MartenEventLog store)
{
    public async Task<IReadOnlyList<ReleaseReminder>> StandingAsync(IReadOnlyCollection<Guid>? facilities, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand($"""
            select r.inmate_id, r.prisoner_number, r.facility_id, r.expected_release_date, r.days_before, r.missing, r.reminded_at
            from {store.Schema}.release_reminders r
            join {store.Schema}.inmate_directory d on d.inmate_id = r.inmate_id
            where d.status = 'Admitted' and d.expected_release_date = r.expected_release_date
              and ($1::uuid[] is null or r.facility_id = any($1))
            order by r.expected_release_date, r.days_before, r.prisoner_number
            limit 500
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)facilities?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid });
        var list = new List<ReleaseReminder>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new ReleaseReminder(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetFieldValue<DateOnly>(3), r.GetInt32(4),
                r.GetFieldValue<string[]>(5), r.GetFieldValue<DateTimeOffset>(6)));
        return list;
    }
}
