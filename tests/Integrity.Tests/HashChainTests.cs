using FluentAssertions;
using JasperFx.Events;
using Marten;
using SecondChance.Domain;
using SecondChance.Integrity.HashChain;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class HashChainTests
{
    private static async Task<long> LinkedVersions(TestStore db, string stream) => await db.ScalarAsync<long>("""
        select count(*) from {schema}.mt_events e join {schema}.sc_event_hashes h on h.seq_id = e.seq_id
         where e.stream_id = $1 and h.stream_id = e.stream_id and h.version = e.version
        """, stream);

    [Fact]
    public async Task Single_event_appends_each_get_a_link_that_the_verifier_recomputes()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        for (var n = 1; n <= 3; n++) await db.AppendAsync(StreamIds.Inmate(id), TestEvents.Segregation(id, n));

        (await LinkedVersions(db, StreamIds.Inmate(id))).Should().Be(3);
        var report = await new ChainVerifier(db.DataSource).VerifyAsync();
        report.IsClean.Should().BeTrue(string.Join("; ", report.BrokenLinks));
        report.EventsChecked.Should().Be(3);
    }

    [Fact]
    public async Task Several_events_in_one_append_and_in_several_streams_chain_in_order()
    {
        await using var db = await TestStore.CreateAsync();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var session = db.Store.LightweightSession())
        {
            session.Events.Append(StreamIds.Inmate(a), TestEvents.Segregations(a, 4));
            session.Events.Append(StreamIds.Inmate(b), TestEvents.Segregations(b, 2));
            await session.SaveChangesAsync();
        }
        await db.AppendAsync(StreamIds.Inmate(a), TestEvents.Segregation(a, 5), TestEvents.Segregation(a, 6));

        (await LinkedVersions(db, StreamIds.Inmate(a))).Should().Be(6);
        (await LinkedVersions(db, StreamIds.Inmate(b))).Should().Be(2);
        var report = await new ChainVerifier(db.DataSource).VerifyAsync();
        report.IsClean.Should().BeTrue(string.Join("; ", report.BrokenLinks));
        report.StreamsChecked.Should().Be(2);
    }

    [Fact]
    public async Task Bulk_insert_through_copy_links_every_event()
    {
        await using var db = await TestStore.CreateAsync();
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        var streams = ids.Select(id => StreamAction.Start(db.Store.Events, StreamIds.Inmate(id), TestEvents.Segregations(id, 5))).ToList();

        await db.Store.BulkInsertEventsAsync(streams);

        (await db.ScalarAsync<long>("select count(*) from {schema}.sc_event_hashes")).Should().Be(100);
        var report = await new ChainVerifier(db.DataSource).VerifyAsync();
        report.IsClean.Should().BeTrue(string.Join("; ", report.BrokenLinks));
        report.EventsChecked.Should().Be(100);
    }

    [Fact]
    public async Task A_large_import_after_the_links_were_analysed_while_few_finds_each_predecessor_by_index_instead_of_scanning_them_all()
    {
        await using var db = await TestStore.CreateAsync();
        var first = Guid.NewGuid();
        await db.AppendAsync(StreamIds.Inmate(first), TestEvents.Segregations(first, 3));
        // what autovacuum does to a young store: statistics saying the link table is one page, so a scan looks cheapest
        await db.ExecuteAsync("analyze {schema}.mt_streams; analyze {schema}.mt_events; analyze {schema}.sc_event_hashes");

        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // an import's shape: many streams written in one transaction, which no analyze can see until it commits
        await using (var import = new Npgsql.NpgsqlCommand("""
            insert into sc_events.mt_streams (id, type, version, tenant_id, is_archived)
            select 'imported-' || s, 'inmate', 5, '*DEFAULT*', false from generate_series(1, 300) s;
            insert into sc_events.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
            select nextval('sc_events.mt_events_sequence'), gen_random_uuid(), 'imported-' || s, v, jsonb_build_object('n', v),
                   'segregation_started.v1', now(), '*DEFAULT*', 'x', false
              from generate_series(1, 300) s, generate_series(1, 5) v order by s, v;
            """, conn, tx))
            await import.ExecuteNonQueryAsync();
        await using var scans = new Npgsql.NpgsqlCommand(
            "select seq_scan, idx_scan from pg_stat_xact_user_tables where relid = 'sc_events.sc_event_hashes'::regclass", conn, tx);
        await using (var r = await scans.ExecuteReaderAsync())
        {
            (await r.ReadAsync()).Should().BeTrue();
            r.GetInt64(0).Should().Be(0, "a scan per event makes an import quadratic (27 s instead of 1 s for 30,000 events)");
            r.GetInt64(1).Should().BeGreaterThanOrEqualTo(1200, "each of the 1,200 events after a first finds its predecessor's link");
        }
        await tx.CommitAsync();

        (await db.ScalarAsync<long>("select count(*) from {schema}.sc_event_hashes")).Should().Be(1503);
    }

    [Fact]
    public async Task An_append_whose_previous_link_is_missing_is_refused_and_writes_nothing()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        var stream = StreamIds.Inmate(id);
        await db.AppendAsync(stream, TestEvents.Segregations(id, 2));
        await db.ExecuteAsync($"delete from {{schema}}.sc_event_hashes where stream_id = '{stream}' and version = 2");

        var act = () => db.AppendAsync(stream, TestEvents.Segregation(id, 3));

        (await act.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("has no link at version 2");
        (await db.ScalarAsync<long>("select count(*) from {schema}.mt_events where stream_id = $1", stream)).Should().Be(2);
    }

    [Fact]
    public async Task The_database_link_has_the_bytes_chain_hash_computes_for_the_row_and_its_predecessor()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        var correlation = Guid.NewGuid();
        await using (var session = db.Store.LightweightSession())
        {
            session.LastModifiedBy = "instructor";
            session.CorrelationId = correlation.ToString();
            session.SetHeader("note", "ünïcode ✓");
            session.Events.Append(StreamIds.Inmate(id), TestEvents.Segregations(id, 2));
            await session.SaveChangesAsync();
        }

        await using var cmd = db.DataSource.CreateCommand($"""
            select {StoredRow.Columns}, h.hash from {MartenSetup.Schema}.mt_events e
              join {MartenSetup.Schema}.sc_event_hashes h on h.seq_id = e.seq_id where e.stream_id = $1 order by e.version
            """);
        cmd.Parameters.Add(new() { Value = StreamIds.Inmate(id) });
        await using var r = await cmd.ExecuteReaderAsync();
        byte[]? previous = null;
        var rows = 0;
        while (await r.ReadAsync())
        {
            var row = StoredRow.Read(r);
            var stored = r.GetFieldValue<byte[]>(StoredRow.ColumnCount);
            stored.Should().Equal(ChainHash.Compute(2, previous, row));
            previous = stored;
            rows++;
        }
        rows.Should().Be(2);
    }

    private const string Stream = "inmate-0f8fad5bd9cb469fa16570867728950e";
    private static readonly StoredRow First = new(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), Stream, 1, "segregation_started",
        """{"reason": "ünïcode ✓", "inmateId": "0f8fad5b-d9cb-469f-a165-70867728950e"}""", 1767225600123456, "*DEFAULT*",
        "16fd2706-8baf-433b-82eb-8c7fada847da", null, "instructor", """{"note": "ünïcode ✓"}""");

    /// <summary>Expected bytes were computed by the old store's EventHash (deleted with src/EventStore, last at 1b102e2).</summary>
    [Fact]
    public void Chain_hash_has_the_old_stores_format_2_bytes_for_a_chained_pair()
    {
        var second = new StoredRow(Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"), Stream, 2, "segregation_ended", """{"reason": "calm"}""",
            1767312000000000, "*DEFAULT*", "16fd2706-8baf-433b-82eb-8c7fada847da", "886313e1-3b8a-5372-9b90-0c9aee199e5d", null, null);

        var first = ChainHash.Compute(2, null, First);

        Convert.ToHexString(first).Should().Be("DCA8A669BA695EC82037B9E0DCB34A3C874B845A5A60E0260B3F7D9806312AD1");
        Convert.ToHexString(ChainHash.Compute(2, first, second)).Should().Be("DAE0260FBAE4307EE2A80B3CB08F002CA4A5A9BA80D8B04916B130A24B67219C");
    }

    [Fact]
    public void Chain_hash_has_the_old_stores_format_1_bytes()
    {
        var row = new StoredRow(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "inmate-from-before-hashes", 1, "segregation_started.v1",
            """{"reason": "fight"}""", 1735804800123456, "*DEFAULT*", null, null, "warden", null);

        Convert.ToHexString(ChainHash.Compute(1, null, row)).Should().Be("30FBD3D7E9DF36187D4CF46E87C5E1ABF6C9DC3BADCC39AB073EB0EE3A7B1D11");
    }
}
