using Alba;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Application;
using SecondChance.Application.Access;
using SecondChance.Domain.Access;
using SecondChance.Host.Tests.Support;
using SecondChance.Testing;
using Wolverine;

namespace SecondChance.Host.Tests.Scenarios;

/// <summary>
/// The Host under Alba (the Critter Stack's HTTP scenario tool) on a fresh database, with an administrator registered
/// through the real use case; <see cref="Token"/> signs a scenario in.
/// </summary>
public sealed class AlbaFixture : EventStoreDatabase
{
    public IAlbaHost Host { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host = await AlbaHost.For<Program>(b => ApiFixture.ConfigureTestHost(b, ConnectionString));
        var password = $"pw-{Guid.NewGuid():N}";
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var registered = await scope.ServiceProvider.GetRequiredService<IMessageBus>().SendAsync(
                new RegisterUserRequest(null, "alba.admin", "Alba administrator", password, [Role.Administrator]),
                new CommandContext("test:setup", Guid.NewGuid()), CancellationToken.None);
            if (registered.Status != CommandStatus.Accepted) throw new InvalidOperationException($"Administrator not registered: {registered.Refusal}");
        }
        var signedIn = await Host.Scenario(s =>
        {
            s.Post.Json(new { username = "alba.admin", password }).ToUrl("/auth/token");
            s.StatusCodeShouldBeOk();
        });
        Token = (await signedIn.ReadAsJsonAsync<TokenBody>())!.AccessToken;
    }

    public override async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await base.DisposeAsync();
    }

    private sealed record TokenBody(string AccessToken);
}
