using System.Security.Cryptography;
using SecondChance.Application;
using SecondChance.Application.Access;
using SecondChance.Domain.Access;

namespace SecondChance.Host.Demo;

/// <summary>
/// On a demo start with no user at all: an administrator "admin" whose password is SECONDCHANCE_ADMIN_PASSWORD, or
/// else generated and printed once. There is no default password.
/// </summary>
public sealed class DemoAdministrator(UserDirectory users, RegisterUserHandler register, IConfiguration configuration, ILogger<DemoAdministrator> logger)
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
}
