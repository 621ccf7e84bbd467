using FluentAssertions;
using SecondChance.EventStore.Audit;
using SecondChance.EventStore.Privacy;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed record Screening(bool Pregnant, int Children);
public sealed record PersonNoted(Guid PersonId, string Name, string Cnic, IReadOnlyList<string> Aliases, Screening? Health, long AmountMinor);

public sealed class PersonalDataTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    private static readonly Guid Person = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    private static readonly PersonNoted Noted = new(Person, "Shazia Bibi", "42101-1234567-8", ["Shazi"], new Screening(true, 1), 12_500);

    private PgEventStore Store { get; } = db.CreateStore(TestTypes.Registry()
        .Register<PersonNoted>("person_noted.v1", new PersonalDataSpec(nameof(PersonNoted.PersonId), ["Name", "Cnic", "Aliases", "Health"])));

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task Append(PersonNoted e, string stream = "person-1") =>
        Store.AppendAsync(new StreamAppend(stream, "person", ExpectedVersion.Any, [NewEvent.For(e)]));

    [Fact]
    public async Task Personal_fields_are_stored_encrypted_and_read_back_in_clear()
    {
        await Append(Noted);
        (await db.ScalarAsync("select count(*) from sc.events where data::text like '%Shazia%' or data::text like '%42101%' or data::text like '%Shazi%'"))
            .Should().Be(0);
        (await db.ScalarAsync("select (data->>'amountMinor')::bigint from sc.events")).Should().Be(12_500);
        var read = (await Store.ReadStreamAsync("person-1")).Single().Data.Should().BeOfType<PersonNoted>().Subject;
        read.Should().BeEquivalentTo(Noted);
    }

    [Fact]
    public async Task Erasing_a_person_leaves_amounts_and_a_verifiable_chain_but_no_personal_data()
    {
        await Append(Noted);
        await Append(Noted with { Name = "Shazia B." });
        (await Store.Keys.EraseAsync(Person, "admin", "retention period over", default)).Should().BeTrue();

        var events = (await Store.ReadStreamAsync("person-1")).Select(e => (PersonNoted)e.Data).ToList();
        events.Should().AllSatisfy(e =>
        {
            e.Name.Should().Be("[erased]");
            e.Cnic.Should().Be("[erased]");
            e.Aliases.Should().BeEmpty();
            e.Health.Should().BeNull();
            e.AmountMinor.Should().Be(12_500);
            e.PersonId.Should().Be(Person);
        });
        (await new ChainVerifier(Store).VerifyAsync()).IsClean.Should().BeTrue();
        (await db.ScalarAsync("select count(*) from sc.subject_keys where key is null and erased_by = 'admin'")).Should().Be(1);
    }

    [Fact]
    public async Task A_fresh_process_cannot_read_an_erased_person_either()
    {
        await Append(Noted);
        await Store.Keys.EraseAsync(Person, "admin", "lawful request", default);
        var other = db.CreateStore(TestTypes.Registry()
            .Register<PersonNoted>("person_noted.v1", new PersonalDataSpec(nameof(PersonNoted.PersonId), ["Name", "Cnic", "Aliases", "Health"])));
        ((PersonNoted)(await other.ReadStreamAsync("person-1")).Single().Data).Name.Should().Be("[erased]");
    }

    [Fact]
    public async Task Nothing_personal_can_be_recorded_about_an_erased_person()
    {
        await Append(Noted);
        await Store.Keys.EraseAsync(Person, "admin", "lawful request", default);
        var act = () => Append(Noted);
        (await act.Should().ThrowAsync<InvalidAppendException>()).WithMessage("*erased*");
        (await db.EventCount()).Should().Be(1);
    }

    [Fact]
    public async Task A_ciphertext_copied_onto_another_person_does_not_decrypt()
    {
        var other = Guid.NewGuid();
        await Append(Noted);
        await Append(Noted with { PersonId = other, Name = "Someone Else" }, "person-2");
        await db.ExecuteAsync("""
            update sc.events set data = jsonb_set(data, '{name}', (select data->'name' from sc.events where stream_id = 'person-1'))
             where stream_id = 'person-2'
            """);
        var act = () => Store.ReadStreamAsync("person-2");
        await act.Should().ThrowAsync<System.Security.Cryptography.CryptographicException>();
    }

    [Fact]
    public async Task Bulk_import_encrypts_personal_fields_too()
    {
        await new BulkImporter(Store).ImportAsync([new ImportedStream("person-9", "person", [NewEvent.For(Noted)])]);
        (await db.ScalarAsync("select count(*) from sc.events where data::text like '%Shazia%'")).Should().Be(0);
        ((PersonNoted)(await Store.ReadStreamAsync("person-9")).Single().Data).Should().BeEquivalentTo(Noted);
        (await new ChainVerifier(Store).VerifyAsync()).IsClean.Should().BeTrue();
    }
}
