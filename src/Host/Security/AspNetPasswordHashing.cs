using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SecondChance.Application.Access;

namespace SecondChance.Host.Security;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2, versioned format), from the shared framework.</summary>
public sealed class AspNetPasswordHashing(IOptions<PasswordHasherOptions> options) : IPasswordHashing
{
    private sealed class Account;
    private static readonly Account Anyone = new();
    private readonly PasswordHasher<Account> _hasher = new(options);

    public string Hash(string password) => _hasher.HashPassword(Anyone, password);

    public PasswordCheck Verify(string hash, string password)
    {
        try
        {
            return _hasher.VerifyHashedPassword(Anyone, hash, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Success,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
                _ => PasswordCheck.Failed,
            };
        }
        catch (FormatException) { return PasswordCheck.Failed; }
    }
}
