using System.Diagnostics;
using Marten;
using Marten.Services;
using SecondChance.Domain;

namespace SecondChance.Projections.Tests.OnMarten;

/// <summary>
/// An append that commits long after the events around it must still reach every read model: Marten's high-water
/// detection holds before a sequence gap while a transaction that could fill it is alive
/// (<c>UseTransactionEvidenceForGapSkipping</c>, no <c>SkipStaleGapsDespiteLiveTransactionsAfter</c> cap).
/// </summary>
[Collection("projections")]
public sealed class HeldAppendTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    private static readonly (string Schema, string Table)[] InmateTables =
    [
        ("sc_timeline", "timeline"), ("sc_dashboard", "inmates"), ("sc_wages", "inmates"), ("sc_compliance", "inmates"),
        ("sc_catalogue", "makers"), ("sc_oversight", "inmate_facts"),
    ];

    private sealed record Held(Guid Inmate, long Position, long LastOtherPosition);

    /// <summary>
    /// Appends one admission through Marten in a transaction kept open while 40 admissions commit after it (more than
    /// Marten's 32-sequence safety window), for four stale thresholds; <paramref name="whileHeld"/> runs before it commits.
    /// </summary>
    private static async Task<Held> HoldAnAppendAsync(ProjectionsDatabase db, MartenHarness m, Guid facility, Func<long, Task> whileHeld)
    {
        var admitted = m.Admission(facility);
        await m.Keyring.EnsureKeysAsync([admitted.InmateId]);
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var session = m.Store.LightweightSession(SessionOptions.ForTransaction(tx)))
        {
            session.Events.Append(StreamIds.Inmate(admitted.InmateId), admitted);
            await session.SaveChangesAsync();
        }
        long position;
        await using (var cmd = new Npgsql.NpgsqlCommand("select seq_id from sc_events.mt_events where stream_id = $1", conn, tx))
        {
            cmd.Parameters.Add(new() { Value = StreamIds.Inmate(admitted.InmateId) });
            position = (long)(await cmd.ExecuteScalarAsync())!;
        }
        for (var i = 0; i < 40; i++) await m.AdmitAsync(facility);
        var last = await db.ScalarAsync("select max(seq_id) from sc_events.mt_events");
        await whileHeld(position);
        await tx.CommitAsync();
        return new Held(admitted.InmateId, position, last);
    }

    [Fact]
    public async Task An_append_held_open_past_the_stale_threshold_is_in_every_read_model_once_it_commits()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var facility = await m.RegisterFacilityAsync();
        await m.AdmitAsync(facility);
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var held = await HoldAnAppendAsync(db, m, facility, async position =>
        {
            // four thresholds of polling: no read model, nor the high-water mark, may pass the open append
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < 4 * MartenHarness.Fast.StaleSequenceThreshold)
            {
                (await m.Models.Status.HighWaterMarkAsync()).Should().BeLessThan(position);
                foreach (var s in await m.Models.Status.ReadAsync())
                {
                    s.Checkpoint.Position.Should().BeLessThan(position, $"{s.Name} must wait for the open append");
                    s.LagEvents.Should().BeGreaterThanOrEqualTo(40, $"{s.Name} counts the events committed after the gap as lag");
                }
                await Task.Delay(200);
            }
        });

        await m.WaitCaughtUpAsync();
        foreach (var (schema, table) in InmateTables)
            (await db.ScalarAsync($"select count(*) from {schema}.{table} where inmate_id = '{held.Inmate}'"))
                .Should().BeGreaterThan(0, $"{schema}.{table} must include the append that committed late");
        foreach (var s in await m.Models.Status.ReadAsync())
            s.Checkpoint.Position.Should().BeGreaterThanOrEqualTo(held.LastOtherPosition);
        (await db.ScalarAsync("select count(*) from sc_timeline.timeline where event_type = 'inmate_admitted.v1'")).Should().Be(42);
    }

    [Fact]
    public async Task Without_transaction_evidence_Marten_skips_an_append_held_past_the_stale_threshold()
    {
        // the setting the test above depends on: turned off, the same held append is lost to every read model
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db, configure: o => o.Projections.UseTransactionEvidenceForGapSkipping = false);
        var facility = await m.RegisterFacilityAsync();
        await m.AdmitAsync(facility);
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var held = await HoldAnAppendAsync(db, m, facility, async position =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await m.StatusAsync("timeline")).Checkpoint.Position <= position)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("the daemon never skipped the gap");
                await Task.Delay(200);
            }
        });

        await m.WaitCaughtUpAsync();
        (await db.ScalarAsync($"select count(*) from sc_timeline.timeline where inmate_id = '{held.Inmate}'")).Should().Be(0);
    }
}
