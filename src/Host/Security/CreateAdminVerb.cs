using SecondChance.Application;
using SecondChance.Application.Access;
using SecondChance.Domain.Access;
using SecondChance.Host.Http;

namespace SecondChance.Host.Security;

/// <summary>
/// <c>create-admin --username U [--display-name N] [--password-file F]</c>: registers an administrator. The password
/// comes from the file or from the first line of standard input; there is no default password.
/// </summary>
public static class CreateAdminVerb
{
    public const string Verb = "create-admin";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == Verb;

    public static Task<int> RunAsync(WebApplication app, string[] args) => RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);

    public static async Task<int> RunAsync(IServiceProvider sp, string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var username = Option("--username");
        if (string.IsNullOrWhiteSpace(username))
        {
            await stderr.WriteLineAsync("usage: create-admin --username U [--display-name N] [--password-file F]  (password on stdin otherwise)");
            return 2;
        }
        var file = Option("--password-file");
        var password = (file is not null ? (await File.ReadAllLinesAsync(file)).FirstOrDefault() : await stdin.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await stderr.WriteLineAsync("No password given (on stdin or in --password-file).");
            return 2;
        }
        await sp.GetRequiredService<SchemaMigrations>().MigrateAsync();
        var result = await sp.GetRequiredService<RegisterUserHandler>().HandleAsync(
            new RegisterUserRequest(null, username, Option("--display-name") ?? username, password, [Role.Administrator]),
            new CommandContext($"cli:{Verb}", Guid.CreateVersion7()), CancellationToken.None);
        if (result.Status != CommandStatus.Accepted)
        {
            await stderr.WriteLineAsync($"Refused: {result.Refusal?.Code} {result.Refusal?.Message}");
            return 1;
        }
        await stdout.WriteLineAsync($"Administrator {username} created ({result.Id}).");
        return 0;
    }
}
