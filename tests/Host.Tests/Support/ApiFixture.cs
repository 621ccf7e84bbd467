using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Testing;

namespace SecondChance.Host.Tests.Support;

/// <summary>One Host per test class on its own fresh database; tests reset the data before they start.</summary>
public class ApiFixture : EventStoreDatabase
{
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:SecondChance", ConnectionString);
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FixedTime(FixedTime.Now)));
        });
        using var client = Factory.CreateClient();
        (await client.GetAsync("/health")).EnsureSuccessStatusCode();
    }

    public Api CreateApi() => new(Factory.CreateClient());

    public Task<long> EventCountAsync() => ScalarAsync("select count(*) from sc.events");

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }
}
