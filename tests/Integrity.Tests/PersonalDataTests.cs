using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Marten;
using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Wages;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Privacy;
using SecondChance.Integrity.HashChain;
using Xunit;

namespace SecondChance.Integrity.Tests;

/// <summary>Personal fields are encrypted under the person's own key inside Marten's JSON; erasure destroys the key and nothing else.</summary>
public sealed class PersonalDataTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static InmateAdmitted Admitted(Guid id, Guid facility) => new(id, facility, "LHR-2026-000001", "Amina Bibi", "35202-1234567-8",
        Sex.Female, new DateOnly(1990, 5, 1), LegalStatus.Convicted, "Sessions Court Lahore", Day, true);

    private static async Task<(TestStore Db, Guid Id, Guid Facility)> AdmittedInmate()
    {
        var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        var facility = Guid.NewGuid();
        await db.Keyring.EnsureKeysAsync([id]);
        await db.AppendAsync(StreamIds.Inmate(id), Admitted(id, facility));
        return (db, id, facility);
    }

    private static async Task<T> ReadFirst<T>(TestStore db, string stream)
    {
        await using var session = db.Store.QuerySession();
        return (T)(await session.Events.FetchStreamAsync(stream))[0].Data;
    }

    private static Task<string?> StoredData(TestStore db, string stream) =>
        db.ScalarAsync<string>("select data::text from {schema}.mt_events where stream_id = $1 and version = 1", stream);

    [Fact]
    public async Task Personal_fields_are_stored_as_enc_v1_ciphertext_and_other_fields_stay_clear_for_sql()
    {
        var (db, id, facility) = await AdmittedInmate();
        await using var _ = db;

        var data = JsonNode.Parse((await StoredData(db, StreamIds.Inmate(id)))!)!.AsObject();

        ((string)data["fullName"]!).Should().StartWith(PersonalDataCipher.Prefix).And.NotContain("Amina");
        ((string)data["cnic"]!).Should().StartWith(PersonalDataCipher.Prefix);
        ((string)data["prisonerNumber"]!).Should().Be("LHR-2026-000001");
        ((string)data["legalStatus"]!).Should().Be("Convicted");
        (await db.ScalarAsync<long>("select count(*) from {schema}.mt_events where data->>'facilityId' = $1", facility.ToString()))
            .Should().Be(1);
    }

    [Fact]
    public async Task An_event_read_back_through_Marten_has_its_personal_fields_decrypted()
    {
        var (db, id, facility) = await AdmittedInmate();
        await using var _ = db;

        (await ReadFirst<InmateAdmitted>(db, StreamIds.Inmate(id))).Should().Be(Admitted(id, facility));
    }

    [Fact]
    public async Task After_erasure_personal_fields_read_as_erased_while_the_stored_row_is_unchanged()
    {
        var (db, id, _) = await AdmittedInmate();
        await using var __ = db;
        var before = await StoredData(db, StreamIds.Inmate(id));

        (await db.Keyring.EraseAsync(id, "records officer", "released ten years ago")).Should().BeTrue();

        var read = await ReadFirst<InmateAdmitted>(db, StreamIds.Inmate(id));
        read.FullName.Should().Be(PersonalDataCipher.Erased);
        read.Cnic.Should().Be(PersonalDataCipher.Erased);
        read.PrisonerNumber.Should().Be("LHR-2026-000001");
        (await StoredData(db, StreamIds.Inmate(id))).Should().Be(before);
        (await db.ScalarAsync<long>("select count(*) from {schema}.sc_subject_keys where subject_id = $1 and key is null and erased_at is not null", id))
            .Should().Be(1);
    }

    [Fact]
    public async Task After_erasure_a_fresh_keyring_reading_the_table_also_reads_the_fields_as_erased()
    {
        var (db, id, _) = await AdmittedInmate();
        await using var __ = db;
        var elsewhere = new SubjectKeyring(db.DataSource);
        await elsewhere.EraseAsync(id, "records officer", "released ten years ago");

        await db.Keyring.RefreshAsync();

        (await ReadFirst<InmateAdmitted>(db, StreamIds.Inmate(id))).FullName.Should().Be(PersonalDataCipher.Erased);
    }

    [Fact]
    public async Task A_refresh_that_read_the_key_before_an_erasure_on_this_node_does_not_bring_the_key_back()
    {
        var (db, id, _) = await AdmittedInmate();
        await using var __ = db;
        var key = await db.ScalarAsync<byte[]>("select key from {schema}.sc_subject_keys where subject_id = $1", id);
        await db.Keyring.EraseAsync(id, "records officer", "released ten years ago");
        // what a refresh that had read the table just before the erasure holds: the key, not yet null
        await using (var stale = db.DataSource.CreateCommand($"update {MartenSetup.Schema}.sc_subject_keys set key = $2 where subject_id = $1"))
        {
            stale.Parameters.Add(new() { Value = id });
            stale.Parameters.Add(new() { Value = key! });
            await stale.ExecuteNonQueryAsync();
        }

        await db.Keyring.RefreshAsync();

        (await ReadFirst<InmateAdmitted>(db, StreamIds.Inmate(id))).FullName.Should().Be(PersonalDataCipher.Erased);
    }

    [Fact]
    public async Task After_erasure_the_chain_still_verifies_and_a_checkpoint_taken_before_it_still_proves()
    {
        var (db, id, _) = await AdmittedInmate();
        await using var __ = db;
        await db.AppendAsync(StreamIds.Inmate(id), TestEvents.Segregation(id, 1));
        var checkpoint = await CheckpointCovering(db, 2);

        await db.Keyring.EraseAsync(id, "records officer", "released ten years ago");

        (await new ChainVerifier(db.DataSource).VerifyAsync()).IsClean.Should().BeTrue();
        var proof = await new AuditCheckpoints(db.DataSource).ProveAsync(checkpoint);
        proof.Holds.Should().BeTrue(string.Join("; ", proof.BrokenLinks));
    }

    [Fact]
    public async Task After_erasure_the_erased_inmates_wage_events_still_fold_to_the_same_balance()
    {
        var (db, id, _) = await AdmittedInmate();
        await using var __ = db;
        var account = StreamIds.WageAccount(id);
        await db.AppendAsync(account,
            new WageCredited(id, Guid.NewGuid(), WageKind.Wage, 10_000, 6_000, 3_000, 1_000, "PKR", "March wages", Day),
            new DeductionPosted(id, Guid.NewGuid(), 2_500, "PKR", "canteen", Day.AddDays(2)));

        await db.Keyring.EraseAsync(id, "records officer", "released ten years ago");

        await using var session = db.Store.QuerySession();
        var admitted = (InmateAdmitted)(await session.Events.FetchStreamAsync(StreamIds.Inmate(id)))[0].Data;
        var balance = (await session.Events.FetchStreamAsync(account)).Select(e => e.Data).Aggregate(WageAccountState.Initial, WageAccountState.Evolve);
        admitted.FullName.Should().Be(PersonalDataCipher.Erased);
        (balance.Spendable, balance.Savings, balance.Family).Should().Be((3_500L, 3_000L, 1_000L));
    }

    [Fact]
    public async Task Appending_personal_data_about_an_erased_person_is_refused_and_writes_nothing()
    {
        var (db, id, facility) = await AdmittedInmate();
        await using var __ = db;
        await db.Keyring.EraseAsync(id, "records officer", "released ten years ago");
        await db.Keyring.EnsureKeysAsync([id]);

        var append = () => db.AppendAsync(StreamIds.Inmate(id), Admitted(id, facility));

        (await append.Should().ThrowAsync<Exception>()).Which.Should().Match<Exception>(e =>
            e is SubjectErasedException || e.InnerException is SubjectErasedException);
        (await db.ScalarAsync<long>("select count(*) from {schema}.mt_events where stream_id = $1", StreamIds.Inmate(id))).Should().Be(1);
        (await db.ScalarAsync<byte[]>("select key from {schema}.sc_subject_keys where subject_id = $1", id)).Should().BeNull();
    }

    [Fact]
    public async Task Appending_personal_data_about_a_person_without_a_key_fails_and_names_EnsureKeysAsync()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();

        var append = () => db.AppendAsync(StreamIds.Inmate(id), Admitted(id, Guid.NewGuid()));

        (await append.Should().ThrowAsync<Exception>()).Which.Should().Match<Exception>(e =>
            (e is MissingSubjectKeyException || e.InnerException is MissingSubjectKeyException)
            && (e.InnerException ?? e).Message.Contains("EnsureKeysAsync"));
        (await db.ScalarAsync<long>("select count(*) from {schema}.mt_events")).Should().Be(0);
    }

    [Fact]
    public async Task An_event_encrypted_by_the_old_stores_cipher_decrypts_through_Marten()
    {
        var (db, id, facility) = await AdmittedInmate();
        await using var __ = db;
        var key = (await db.ScalarAsync<byte[]>("select key from {schema}.sc_subject_keys where subject_id = $1", id))!;
        var old = JsonSerializer.SerializeToNode(Admitted(id, facility) with { FullName = "Zainab Noor" }, EventJson.CreateSerializerOptions())!.AsObject();
        PersonalDataCipher.Encrypt(old, id, ["fullName", "cnic"], key);
        await db.ExecuteAsync($"update {{schema}}.mt_events set data = '{old.ToJsonString()}'::jsonb where stream_id = '{StreamIds.Inmate(id)}'");

        (await ReadFirst<InmateAdmitted>(db, StreamIds.Inmate(id))).Should().Be(Admitted(id, facility) with { FullName = "Zainab Noor" });
    }

    /// <summary>A checkpoint stops below the oldest transaction running anywhere on the shared server; wait until it covers ours.</summary>
    private static async Task<AuditCheckpoint> CheckpointCovering(TestStore db, long events)
    {
        for (var attempt = 0; ; attempt++)
        {
            var checkpoint = await new AuditCheckpoints(db.DataSource).TakeAsync(TimeProvider.System);
            if (checkpoint.Events >= events || attempt == 600) return checkpoint;
            await Task.Delay(100);
        }
    }
}
