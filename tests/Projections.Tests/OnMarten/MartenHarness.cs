using JasperFx.Events.Daemon;
using Marten;
using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Integrity;
using SecondChance.Integrity.Privacy;
using SecondChance.Projections.OnMarten;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Projections.Tests.OnMarten;

/// <summary>
/// Marten set up as the application sets it up (<see cref="MartenSetup.ConfigureSecondChanceEvents"/>, keys for
/// personal data) with the read models registered, on a test class's database; daemons it starts stop with it.
/// </summary>
public sealed class MartenHarness : IAsyncDisposable
{
    private readonly ProjectionsDatabase _db;
    private readonly Action<StoreOptions>? _configure;
    private readonly List<IProjectionDaemon> _daemons = [];
    private int _serial;

    private MartenHarness(ProjectionsDatabase db, MartenReadModels models, Action<StoreOptions>? configure)
    {
        _db = db;
        _configure = configure;
        Models = models;
        Keyring = new SubjectKeyring(db.DataSource);
        Store = DocumentStore.For(Configure);
    }

    public static readonly MartenReadModelOptions Fast = new()
    {
        StaleSequenceThreshold = TimeSpan.FromSeconds(1), BatchSize = 500,
    };

    public MartenReadModels Models { get; }
    public SubjectKeyring Keyring { get; }
    public DocumentStore Store { get; }

    public static async Task<MartenHarness> CreateAsync(ProjectionsDatabase db, IReadOnlyList<IProjection>? projections = null,
        MartenReadModelOptions? options = null, Action<StoreOptions>? configure = null, bool ensure = true)
    {
        var models = new MartenReadModels(db.DataSource, projections ?? SecondChanceProjections.Create(), options ?? Fast);
        var harness = new MartenHarness(db, models, configure);
        await harness.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (ensure) await models.EnsureAsync();
        return harness;
    }

    /// <summary>The store configuration the rebuild's own store gets too.</summary>
    public void Configure(StoreOptions o)
    {
        o.Connection(_db.ConnectionString);
        o.ConfigureSecondChanceEvents(null, Keyring);
        Models.Register(o);
        _configure?.Invoke(o);
    }

    public MartenReadModelRebuilder Rebuilder => Models.Rebuilder(Configure);

    public async Task<IProjectionDaemon> StartDaemonAsync(DocumentStore? store = null)
    {
        var daemon = await (store ?? Store).BuildProjectionDaemonAsync();
        _daemons.Add(daemon);
        await daemon.StartAllAsync();
        return daemon;
    }

    public async Task StopDaemonsAsync()
    {
        foreach (var d in _daemons)
        {
            await d.StopAllAsync();
            d.Dispose();
        }
        _daemons.Clear();
    }

    public async Task AppendAsync(string streamId, params object[] events)
    {
        await using var session = Store.LightweightSession();
        session.Events.Append(streamId, events);
        await session.SaveChangesAsync();
    }

    public async Task<Guid> RegisterFacilityAsync()
    {
        var id = Guid.NewGuid();
        await AppendAsync(StreamIds.Facility(id), new FacilityRegistered(id, $"Jail {++_serial}", $"J{_serial}", "Asia/Karachi", true));
        return id;
    }

    public InmateAdmitted Admission(Guid facility)
    {
        var n = ++_serial;
        return new InmateAdmitted(Guid.NewGuid(), facility, $"P-{n}", $"Inmate {n}", $"{10000 + n:D5}-{n:D7}-1", Sex.Male,
            new DateOnly(1990, 1, 1), LegalStatus.Convicted, "Sessions Court", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), true);
    }

    public async Task<Guid> AdmitAsync(Guid facility)
    {
        var admitted = Admission(facility);
        await Keyring.EnsureKeysAsync([admitted.InmateId]);
        await AppendAsync(StreamIds.Inmate(admitted.InmateId), admitted);
        return admitted.InmateId;
    }

    /// <summary>Polls until every read model (or those named) has applied every committed event; generous deadline, no timing asserts.</summary>
    public async Task WaitCaughtUpAsync(params string[] only)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var all = (await Models.Status.ReadAsync()).Where(s => only.Length == 0 || only.Contains(s.Name)).ToList();
            if (all.Count > 0 && all.All(s => s.LagEvents == 0 && s.State == "running")) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(string.Join("; ", all.Select(s => $"{s.Name}: {s.State}, lag {s.LagEvents}, {s.Failure?.Error}")));
            await Task.Delay(100);
        }
    }

    public async Task<ProjectionStatus> StatusAsync(string name) => (await Models.Status.ReadAsync()).Single(s => s.Name == name);

    public async ValueTask DisposeAsync()
    {
        await StopDaemonsAsync();
        await Store.DisposeAsync();
    }
}
