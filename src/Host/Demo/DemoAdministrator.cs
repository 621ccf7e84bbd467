using System.Security.Cryptography;
using SecondChance.Application;
using SecondChance.Application.Access;
using SecondChance.Domain.Access;

namespace SecondChance.Host.Demo;

/// <summary>
/// On a demo start with no user at all: an administrator "admin" whose password is SECONDCHANCE_ADMIN_PASSWORD, or
/// else generated and printed once. There is no default password.
/// </summary>
public sealed class DemoAdministrator(UserDirectory users, RegisterUserHandler register, UserGrantsHandler grants, IConfiguration configuration,
    ILogger<DemoAdministrator> logger)
{
    public const string Username = "admin";
    public const string PasswordSetting = "SECONDCHANCE_ADMIN_PASSWORD";

    public async Task EnsureAsync(CancellationToken ct)
    {
        if ((await users.ListAsync(ct)).Count > 0) return;
        var given = configuration[PasswordSetting];
        var password = string.IsNullOrEmpty(given) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') : given;
        var result = await register.HandleAsync(new RegisterUserRequest(null, Username, "Demo administrator", password, [Role.Administrator]),
            new CommandContext("demo:seed", Guid.CreateVersion7()), ct);
        if (result.Status != CommandStatus.Accepted)
        {
            logger.LogWarning("Demo administrator not created: {Code} {Message}", result.Refusal?.Code, result.Refusal?.Message);
            return;
        }
        // printed once, to the console only, never logged to a file sink
        Console.WriteLine(string.IsNullOrEmpty(given)
            ? $"Demo administrator created: sign in at /sign-in as '{Username}' with password: {password}  (shown only now)"
            : $"Demo administrator created: sign in at /sign-in as '{Username}' with the password in {PasswordSetting}.");
    }

    /// <summary>A demo user: its role, its province (null: the home tenant) and the provinces it may read besides.</summary>
    public sealed record DemoUser(string Username, string DisplayName, Role Role, string? Tenant = null, IReadOnlyList<string>? Reads = null);

    /// <summary>
    /// Registers each of <paramref name="wanted"/> not registered yet, with the demo password: SECONDCHANCE_ADMIN_PASSWORD,
    /// or else one generated and printed once; grants the provinces each may read. Answers how many commands were refused.
    /// </summary>
    public async Task<int> EnsureUsersAsync(IReadOnlyList<DemoUser> wanted, CancellationToken ct)
    {
        var given = configuration[PasswordSetting];
        var password = string.IsNullOrEmpty(given) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') : given;
        var created = new List<string>();
        var refused = 0;
        foreach (var user in wanted)
        {
            var context = new CommandContext("demo:seed", Guid.CreateVersion7());
            var id = (await users.FindByUsernameAsync(user.Username, ct))?.UserId;
            if (id is null)
            {
                var registered = await register.HandleAsync(new RegisterUserRequest(DemoWorld.Id($"user:{user.Username}"), user.Username, user.DisplayName,
                    password, [user.Role], user.Tenant), context, ct);
                if (!Accepted(registered, user.Username)) { refused++; continue; }
                id = registered.Id;
                created.Add(user.Username);
            }
            foreach (var tenant in user.Reads ?? [])
                if (!Accepted(await grants.HandleAsync(new GrantTenantRead(id.Value, tenant), context, ct), user.Username)) refused++;
        }
        if (created.Count > 0)
            Console.WriteLine(string.IsNullOrEmpty(given)
                ? $"Demo users created: {string.Join(", ", created)}; each signs in with password: {password}  (shown only now)"
                : $"Demo users created: {string.Join(", ", created)}; each signs in with the password in {PasswordSetting}.");
        return refused;
    }

    private bool Accepted(CommandResult result, string username)
    {
        if (result.Status == CommandStatus.Accepted) return true;
        logger.LogWarning("Demo user {Username}: {Status} {Code} {Message}", username, result.Status, result.Refusal?.Code, result.Refusal?.Message);
        return false;
    }
}
