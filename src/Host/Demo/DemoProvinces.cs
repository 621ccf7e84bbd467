using Npgsql;
using SecondChance.Domain.Access;
using SecondChance.Host.Hosting;
using SecondChance.Integrity.Tenancy;
using static SecondChance.Host.Demo.DemoWorld;

namespace SecondChance.Host.Demo;

/// <summary>
/// The demo in province mode (<c>seed-demo --provinces</c>, or SECONDCHANCE_DEMO_PROVINCES=true on start): Sindh and
/// Khyber Pakhtunkhwa as tenants, each with a database of its own on the home database's server, named after it with
/// _sindh or _kp. Central Jail Karachi and everything that belongs to it is seeded in Sindh's database, Central Jail
/// Peshawar with the IT course pilot in KP's; a provincial administrator for each and a national ombudsman who reads
/// both. A province that already holds its facility is left alone.
/// </summary>
public sealed class DemoProvinces(TenantProvisioning provisioning, TenantRegistry registry, SecondChanceDatabase database, DemoSeeder seeder,
    DemoAdministrator administrator, ILogger<DemoProvinces> logger)
{
    public const string Setting = "SECONDCHANCE_DEMO_PROVINCES";
    public const string Option = "--provinces";

    public sealed record Province(string TenantId, string Name, FacilityPlan Facility);

    public static readonly Province Sindh = new("sindh", "Sindh", Karachi);
    public static readonly Province Kp = new("kp", "Khyber Pakhtunkhwa", Peshawar);
    public static IReadOnlyList<Province> Provinces { get; } = [Sindh, Kp];

    public static IReadOnlyList<DemoAdministrator.DemoUser> Users { get; } =
    [
        new("sindh.admin", "Sindh administrator", Role.Administrator, Sindh.TenantId),
        new("kp.admin", "Khyber Pakhtunkhwa administrator", Role.Administrator, Kp.TenantId),
        new("federal.ombudsman", "National ombudsman", Role.Oversight, Reads: [Sindh.TenantId, Kp.TenantId]),
        new("national.admin", "National administrator", Role.Administrator),
    ];

    /// <summary>The province's database: the home one's name with the tenant id as suffix, on the same server.</summary>
    public static string ConnectionStringOf(Province province, string home)
    {
        var builder = new NpgsqlConnectionStringBuilder(home);
        builder.Database = $"{builder.Database}_{province.TenantId}";
        return builder.ConnectionString;
    }

    /// <param name="inmates">How many inmates in all: three in five are Karachi's, as in the one-database demo.</param>
    public async Task<DemoSeedResult> SeedAsync(int inmates = DemoSeeder.DefaultInmates, CancellationToken ct = default)
    {
        var home = await database.ConnectionStringAsync(ct);
        int commands = 0, refused = 0;
        var seeded = false;
        foreach (var province in Provinces)
        {
            if (await registry.FindAsync(province.TenantId, ct) is null)
            {
                var added = await provisioning.AddAsync(province.TenantId, province.Name, ConnectionStringOf(province, home), ct);
                logger.LogInformation("Demo province {Tenant} added in database {Database}", added.TenantId, added.Database);
            }
            using (TenantScope.Enter(province.TenantId))
            {
                var result = await seeder.SeedFacilityAsync(province.Facility, inmates, ct);
                seeded |= result.Seeded;
                commands += result.Commands;
                refused += result.Refused;
            }
        }
        refused += await administrator.EnsureUsersAsync(Users, ct);
        return new DemoSeedResult(seeded, commands, refused);
    }
}
