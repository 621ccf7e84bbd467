using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using SecondChance.Application.Access;

namespace SecondChance.Host.Security;

public sealed record IssuedToken(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

/// <summary>Short-lived bearer tokens, protected by the built-in bearer-token scheme's data protector.</summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    public IssuedToken Issue(UserRecord user)
    {
        var o = options.Get(BearerTokenDefaults.AuthenticationScheme);
        var now = clock.GetUtcNow();
        var expires = now + o.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(UserPrincipal.Create(user, BearerTokenDefaults.AuthenticationScheme),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires }, BearerTokenDefaults.AuthenticationScheme);
        return new IssuedToken(o.BearerTokenProtector.Protect(ticket), "Bearer", expires);
    }
}
