using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using JasperFx;
using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Privacy;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class SetupTests
{
    private static InmateAdmitted Admitted(Guid id) => new(id, Guid.NewGuid(), "LHR-0042", "Ali Raza", "35202-1234567-1", Sex.Male,
        new DateOnly(1990, 5, 17), LegalStatus.Remand, "Sessions Court Lahore", new DateTimeOffset(2026, 2, 1, 9, 30, 0, TimeSpan.Zero), true);

    [Fact]
    public async Task Events_are_stored_under_their_stable_alias_not_their_clr_name()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        await db.Keyring.EnsureKeysAsync([id]);
        await db.AppendAsync(StreamIds.Inmate(id), Admitted(id), TestEvents.Segregation(id, 1));

        var types = await db.ScalarAsync<string[]>("select array_agg(type order by version) from {schema}.mt_events where stream_id = $1",
            StreamIds.Inmate(id));
        types.Should().Equal("inmate_admitted.v1", "segregation_started.v1");
    }

    [Fact]
    public async Task Every_domain_event_type_is_mapped_to_its_alias()
    {
        await using var db = await TestStore.CreateAsync();
        var mapped = ((Marten.IReadOnlyStoreOptions)db.Store.Options).Events.AllKnownEventTypes().ToDictionary(t => t.EventType, t => t.EventTypeName);
        foreach (var (type, alias) in DomainEventTypes.All) mapped.Should().Contain(type, alias);
    }

    [Fact]
    public async Task Stream_ids_are_todays_strings()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        await db.AppendAsync(StreamIds.WageAccount(id), TestEvents.Segregation(id, 1));

        (await db.ScalarAsync<long>("select count(*) from {schema}.mt_streams where id = $1", StreamIds.WageAccount(id))).Should().Be(1);
    }

    [Fact]
    public async Task Stored_json_equals_what_the_old_store_writes()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        var admitted = Admitted(id);
        var screening = new MedicalScreeningRecorded(id, DateTimeOffset.Parse("2026-02-01T10:00:00+05:00"), "Dr Khan", "fit",
            new FemaleEntryScreening(false, true, 2));
        await db.Keyring.EnsureKeysAsync([id]);
        await db.AppendAsync(StreamIds.Inmate(id), admitted, screening);

        // personal fields are "enc:v1:" ciphertext with random nonces, so compare them once decrypted with the old cipher
        var key = (await db.ScalarAsync<byte[]>("select key from {schema}.sc_subject_keys where subject_id = $1", id))!;
        var oldOptions = EventJson.CreateSerializerOptions();
        foreach (var (version, data) in new[] { (1L, (object)admitted), (2L, screening) })
        {
            var old = JsonSerializer.Serialize(data, data.GetType(), oldOptions);
            var stored = JsonNode.Parse((await db.ScalarAsync<string>("select data::text from {schema}.mt_events where stream_id = $1 and version = $2",
                StreamIds.Inmate(id), version))!)!.AsObject();
            var personal = MartenSetup.PersonalData[data.GetType()].ErasedPlaceholders(data.GetType()).ToDictionary(
                p => JsonNamingPolicy.CamelCase.ConvertName(p.Key), p => p.Value);
            personal.Keys.Should().AllSatisfy(field => ((string)stored[field]!).Should().StartWith(PersonalDataCipher.Prefix));
            PersonalDataCipher.Decrypt(stored, id, personal, key);
            (await db.ScalarAsync<bool>("select $1::jsonb = $2::jsonb", stored.ToJsonString(), old))
                .Should().BeTrue($"event {version} should be stored as {old}, its personal fields encrypted");
        }
        (await db.ScalarAsync<string>("select data->>'legalStatus' from {schema}.mt_events where stream_id = $1 and version = 1",
            StreamIds.Inmate(id))).Should().Be("Remand");
    }

    [Fact]
    public async Task Metadata_columns_hold_user_name_correlation_causation_and_headers()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        await using (var session = db.Store.LightweightSession())
        {
            session.LastModifiedBy = "welfare.officer";
            session.CorrelationId = "4bf92f3577b34da6a3ce929d0e0e4736";
            session.CausationId = "00f067aa0ba902b7";
            session.SetHeader("request", "POST /inmates");
            session.Events.Append(StreamIds.Inmate(id), TestEvents.Segregation(id, 1));
            await session.SaveChangesAsync();
        }

        var row = await db.ScalarAsync<string>("""
            select concat_ws('|', user_name, correlation_id, causation_id, headers->>'request') from {schema}.mt_events where stream_id = $1
            """, StreamIds.Inmate(id));
        row.Should().Be("welfare.officer|4bf92f3577b34da6a3ce929d0e0e4736|00f067aa0ba902b7|POST /inmates");
    }

    [Fact]
    public async Task Fetching_at_a_stale_expected_version_throws_a_concurrency_exception_naming_the_stream()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        var stream = StreamIds.Inmate(id);
        await db.AppendAsync(stream, TestEvents.Segregations(id, 2));

        await using var session = db.Store.LightweightSession();
        var act = () => session.Events.FetchForWriting<InmateStream>(stream, 1);

        (await act.Should().ThrowAsync<JasperFx.ConcurrencyException>()).Which.Id.Should().Be(stream);
    }

    [Fact]
    public async Task Committing_after_another_append_won_the_version_throws_a_concurrency_exception_and_writes_nothing()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        var stream = StreamIds.Inmate(id);
        await db.AppendAsync(stream, TestEvents.Segregations(id, 2));

        await using var session = db.Store.LightweightSession();
        var writing = await session.Events.FetchForWriting<InmateStream>(stream, 2);
        await db.AppendAsync(stream, TestEvents.Segregation(id, 3));
        writing.AppendOne(TestEvents.Segregation(id, 4));
        var act = () => session.SaveChangesAsync();

        (await act.Should().ThrowAsync<JasperFx.ConcurrencyException>()).Which.Id.Should().Be(stream);
        (await db.ScalarAsync<long>("select count(*) from {schema}.mt_events where stream_id = $1", stream)).Should().Be(3);
    }
}
