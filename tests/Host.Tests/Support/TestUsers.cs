using Wolverine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Application;
using SecondChance.Application.Access;
using SecondChance.Domain.Access;

namespace SecondChance.Host.Tests.Support;

public sealed record TestUser(Guid Id, string Username, string Password)
{
    public string Actor => $"user:{Id}:{Username}";
}

/// <summary>Users registered through the real use cases, and clients that carry their bearer tokens.</summary>
public static class TestUsers
{
    private static int _counter;

    /// <summary>A client signed in as a new user holding <paramref name="role"/>, granted the given facilities.</summary>
    public static async Task<HttpClient> ClientForAsync(WebApplicationFactory<Program> factory, Role role, params Guid[] facilities) =>
        (await SignedInAsync(factory, role, facilities, [])).Client;

    /// <summary>An instructor (or any role) granted programmes rather than facilities.</summary>
    public static async Task<HttpClient> ClientWithProgrammesAsync(WebApplicationFactory<Program> factory, Role role, params Guid[] programmes) =>
        (await SignedInAsync(factory, role, [], programmes)).Client;

    public static async Task<(TestUser User, HttpClient Client)> SignedInAsync(
        WebApplicationFactory<Program> factory, Role role, Guid[] facilities, Guid[] programmes, bool personalData = false)
    {
        var user = await RegisterAsync(factory, role, facilities, programmes, personalData);
        return (user, await ClientForAsync(factory, user));
    }

    public static async Task<TestUser> RegisterAsync(WebApplicationFactory<Program> factory, Role? role, Guid[]? facilities = null,
        Guid[]? programmes = null, bool personalData = false, Guid? userId = null, string? username = null, string? password = null)
    {
        var sp = factory.Services;
        var context = new CommandContext("test:setup", Guid.NewGuid());
        username ??= $"{role?.ToString().ToLowerInvariant() ?? "user"}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..40];
        password ??= $"pw-{Guid.NewGuid():N}";
        using var scope = sp.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var registered = await bus.SendAsync(
            new RegisterUserRequest(userId, username, $"Test {role}", password, role is { } r ? [r] : []), context, CancellationToken.None);
        if (registered.Status != CommandStatus.Accepted) throw new InvalidOperationException($"Test user not registered: {registered.Status} {registered.Refusal}");
        foreach (var f in facilities ?? []) Ensure(await bus.SendAsync(new GrantFacility(registered.Id, f), context, CancellationToken.None));
        foreach (var p in programmes ?? []) Ensure(await bus.SendAsync(new GrantProgramme(registered.Id, p), context, CancellationToken.None));
        if (personalData) Ensure(await bus.SendAsync(new GrantPersonalDataAccess(registered.Id, "test"), context, CancellationToken.None));
        return new TestUser(registered.Id, username, password);
    }

    public static async Task<HttpClient> ClientForAsync(WebApplicationFactory<Program> factory, TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, user));
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient anonymous, TestUser user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token")
        {
            Content = JsonContent.Create(new { username = user.Username, password = user.Password }),
        };
        request.Headers.Authorization = null;
        var response = await anonymous.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);

    private static void Ensure(CommandResult r)
    {
        if (r.Status != CommandStatus.Accepted) throw new InvalidOperationException($"Test grant failed: {r.Status} {r.Refusal}");
    }
}
