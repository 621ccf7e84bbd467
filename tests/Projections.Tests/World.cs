using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using SecondChance.Integrity.Events;

namespace SecondChance.Projections.Tests;

/// <summary>
/// Drives the Domain deciders against in-memory state and appends what they decide through the event store, with
/// exact expected versions: the same path a use case takes, without depending on Application handlers.
/// </summary>
public sealed class World(Integrity.Events.MartenEventLog store)
{
    public DateTimeOffset Now { get; private set; } = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(5));
    public readonly Dictionary<Guid, FacilityState> Facilities = new();
    public readonly Dictionary<Guid, InmateState> Inmates = new();
    public readonly Dictionary<Guid, ProgrammeState> Programmes = new();
    public readonly Dictionary<Guid, ItemState> Items = new();
    public readonly Dictionary<Guid, WageAccountState> Accounts = new();
    private readonly Dictionary<string, PrisonerNumberReservation> _numbers = new();
    private readonly Dictionary<string, long> _versions = new();
    private int _serial;
    public int Refusals { get; private set; }
    public string Actor { get; set; } = "officer.khan";

    public DateTimeOffset Tick(TimeSpan? by = null) => Now += by ?? TimeSpan.FromMinutes(7);

    public async Task<Guid> RegisterFacilityAsync(string name)
    {
        var id = Guid.NewGuid();
        await DecideAsync(StreamIds.Facility(id), FacilityDecider.Decide(FacilityState.Initial, new RegisterFacility(id, name, $"F{++_serial}", "Asia/Karachi", true), Now));
        await DecideAsync(StreamIds.Facility(id), FacilityDecider.Decide(Facilities[id],
            new AdoptProceedsPolicy(id, new DateOnly(2020, 1, 1), 6000, 2500, 1500, 3000, 1000), Now));
        return id;
    }

    public async Task<Guid> AdmitAsync(Guid facility, Sex sex, string? name = null, bool consent = false)
    {
        var id = Guid.NewGuid();
        var n = ++_serial;
        var number = $"P-{n}";
        var cnic = $"{10000 + n % 90000:D5}-{n % 10_000_000:D7}-{(sex == Sex.Female ? 2 : 1)}";
        var key = StreamIds.PrisonerNumber(facility, number);
        await DecideAsync(InmateDecider.Decide(InmateState.Initial, _numbers.GetValueOrDefault(key) ?? PrisonerNumberReservation.Initial,
            Facilities[facility], new AdmitInmate(id, facility, number, name ?? $"Inmate {n}", cnic, sex, new DateOnly(1990, 1, 1),
                LegalStatus.Convicted, "Sessions Court Karachi", Tick(), consent), Now));
        return id;
    }

    public async Task<Guid> OpenProgrammeAsync(Guid facility, Craft craft, string name = "Embroidery I")
    {
        var id = Guid.NewGuid();
        await DecideAsync(StreamIds.Programme(id), ProgrammeDecider.Decide(ProgrammeState.Initial, Facilities[facility],
            new OpenProgramme(id, facility, name, craft, ["stitching"], 100_000, Guid.NewGuid(), "Ustad Rafiq", new DateOnly(2026, 1, 1)), Now));
        return id;
    }

    public Task<bool> EnrolAsync(Guid inmate, Guid programme) =>
        DecideAsync(EnrolmentDecider.Decide(Inmates[inmate], Programmes[programme], new EnrolInmate(inmate, programme, Tick()), Now));

    public Task<bool> CompleteAsync(Guid inmate, Guid programme) =>
        DecideAsync(EnrolmentDecider.Decide(Inmates[inmate], Programmes[programme], new CompleteProgramme(inmate, programme, Tick()), Now));

    public Task<bool> CertifyAsync(Guid inmate, Guid programme) => DecideAsync(StreamIds.Inmate(inmate), EnrolmentDecider.Decide(
        Inmates[inmate], Programmes[programme], new CertifySkill(inmate, programme, "stitching", "Level 1", "TEVTA", $"C-{++_serial}", Tick()),
        VerificationCode.Format(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()), Now));

    public async Task<Guid> ProduceAsync(Guid facility, Guid programme, params Guid[] makers)
    {
        var id = Guid.NewGuid();
        await DecideAsync(StreamIds.Item(id), ItemDecider.Decide(ItemState.Initial, Programmes[programme], Inmates,
            new ProduceItem(id, facility, programme, "Embroidered shawl", Craft.Embroidery, makers.Select(m => new MakerWork(m, 600)).ToList(),
                50_000, Money.Pkr, Tick()), Now));
        return id;
    }

    public Task<bool> ListAsync(Guid item, long price) =>
        DecideAsync(StreamIds.Item(item), ItemDecider.Decide(Items[item], new ListItem(item, price, Money.Pkr, Tick()), Now));

    public Task<bool> SellAsync(Guid item, long price)
    {
        var accounts = Items[item].Makers.ToDictionary(m => m.InmateId, m => Accounts.GetValueOrDefault(m.InmateId) ?? WageAccountState.Initial);
        return DecideAsync(SaleDecider.Decide(Items[item], Facilities[Items[item].FacilityId], accounts,
            new SellItem(item, Guid.NewGuid(), price, Money.Pkr, SaleChannel.Exhibition, "Lahore Expo", Tick()), Now));
    }

    private WageAccountState Account(Guid inmate) => Accounts.GetValueOrDefault(inmate) ?? WageAccountState.Initial;

    public Task<bool> CreditWageAsync(Guid inmate, long amount) => DecideAsync(StreamIds.WageAccount(inmate), WageAccountDecider.Decide(
        Account(inmate), Inmates[inmate], Facilities[Inmates[inmate].FacilityId],
        new CreditWage(inmate, Guid.NewGuid(), WageKind.Wage, amount, Money.Pkr, "tailoring shop", Tick()), Now));

    public Task<bool> CreditWageAtAsync(Guid inmate, long amount, DateTimeOffset at) => DecideAsync(StreamIds.WageAccount(inmate), WageAccountDecider.Decide(
        Account(inmate), Inmates[inmate], Facilities[Inmates[inmate].FacilityId],
        new CreditWage(inmate, Guid.NewGuid(), WageKind.Wage, amount, Money.Pkr, "tailoring shop", at), Now));

    public Task<bool> DeductAsync(Guid inmate, long amount) => DecideAsync(StreamIds.WageAccount(inmate),
        WageAccountDecider.Decide(Account(inmate), Inmates[inmate], new DeductFromWages(inmate, Guid.NewGuid(), amount, Money.Pkr, "canteen", Tick()), Now));

    public Task<bool> RemitAsync(Guid inmate, long amount, WageSubAccount from) => DecideAsync(StreamIds.WageAccount(inmate),
        WageAccountDecider.Decide(Account(inmate), Inmates[inmate], new RemitToFamily(inmate, Guid.NewGuid(), amount, Money.Pkr, "mother", Tick(), from), Now));

    public Task<bool> ReverseAsync(Guid inmate, Guid posting) => DecideAsync(StreamIds.WageAccount(inmate),
        WageAccountDecider.Decide(Account(inmate), Inmates[inmate], new ReversePosting(inmate, Guid.NewGuid(), posting, "entered twice", Tick()), Now));

    public Task<bool> PlanReleaseAsync(Guid inmate, DateOnly date) =>
        DecideAsync(StreamIds.Inmate(inmate), InmateDecider.Decide(Inmates[inmate], new PlanRelease(inmate, date), Now));

    public Task<bool> ReleaseAsync(Guid inmate) =>
        DecideAsync(StreamIds.Inmate(inmate), InmateDecider.Decide(Inmates[inmate], new ReleaseInmate(inmate, Tick(), "sentence served"), Now));

    public Task<bool> PayOutAsync(Guid inmate) => DecideAsync(StreamIds.WageAccount(inmate),
        WageAccountDecider.Decide(Account(inmate), Inmates[inmate], new PayOutAtRelease(inmate, Guid.NewGuid(), Tick()), Now));

    /// <summary>Appends events the deciders have no command for here (e.g. mentoring), as recorded facts.</summary>
    public Task<bool> RecordAsync(string streamId, params object[] events) => DecideAsync(streamId, Decision.Accept(events));

    public Task<bool> DecideAsync(string streamId, Decision decision) =>
        DecideAsync(decision.IsRefused ? new MultiStreamDecision([], decision.Refusal) : MultiStreamDecision.Accept(new StreamEvents(streamId, decision.Events)));

    public async Task<bool> DecideAsync(MultiStreamDecision decision)
    {
        if (decision.IsRefused || decision.Streams.Count == 0)
        {
            if (decision.IsRefused) Refusals++;
            return false;
        }
        var appends = decision.Streams.Select(s => new StreamAppend(s.StreamId, AggregateType(s.StreamId),
            ExpectedVersion.Exactly(_versions.GetValueOrDefault(s.StreamId)), s.Events.Select(NewEvent.For).ToList(),
            new EventMetadata { Actor = Actor })).ToList();
        await store.AppendAsync(appends);
        foreach (var s in decision.Streams)
        {
            _versions[s.StreamId] = _versions.GetValueOrDefault(s.StreamId) + s.Events.Count;
            foreach (var e in s.Events) Evolve(s.StreamId, e);
        }
        return true;
    }

    private static string AggregateType(string stream) =>
        new[] { "facility", "inmate", "programme", "item", "wage-account", "prisoner-number", "mentor", "venture-fund", "venture" }.First(p => stream.StartsWith(p + "-"));

    private void Evolve(string stream, object e)
    {
        var id = Guid.TryParseExact(stream[(stream.LastIndexOf('-') + 1)..], "N", out var g) ? g : Guid.Empty;
        if (stream.StartsWith("facility-")) Facilities[id] = FacilityState.Evolve(Facilities.GetValueOrDefault(id) ?? FacilityState.Initial, e);
        else if (stream.StartsWith("inmate-")) Inmates[id] = InmateState.Evolve(Inmates.GetValueOrDefault(id) ?? InmateState.Initial, e);
        else if (stream.StartsWith("programme-")) Programmes[id] = ProgrammeState.Evolve(Programmes.GetValueOrDefault(id) ?? ProgrammeState.Initial, e);
        else if (stream.StartsWith("item-")) Items[id] = ItemState.Evolve(Items.GetValueOrDefault(id) ?? ItemState.Initial, e);
        else if (stream.StartsWith("wage-account-")) Accounts[id] = WageAccountState.Evolve(Account(id), e);
        else if (stream.StartsWith("prisoner-number-")) _numbers[stream] = PrisonerNumberReservation.Evolve(_numbers.GetValueOrDefault(stream) ?? PrisonerNumberReservation.Initial, e);
    }
}
