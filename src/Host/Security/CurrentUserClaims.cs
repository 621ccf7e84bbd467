using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SecondChance.Application.Access;

namespace SecondChance.Host.Security;

/// <summary>
/// Rebuilds the principal from the user directory on every request, so a deactivation or a revoked grant takes
/// effect at once rather than when the cookie or token expires. A user no longer in the directory is signed out.
/// </summary>
public sealed class CurrentUserClaims(UserDirectory users) : IClaimsTransformation
{
    private const string Marker = "sc:current";
    /// <summary>On an unauthenticated principal: the cookie or token named a user who is gone or deactivated.</summary>
    public const string Revoked = "sc:revoked";

    private static ClaimsPrincipal RevokedPrincipal() => new(new ClaimsIdentity([new Claim(Revoked, "1")]));

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(Marker, "1")) return principal;
        if (principal.UserId() is not { } id) return RevokedPrincipal();
        var user = await users.FindAsync(id, CancellationToken.None);
        if (user is not { Active: true }) return RevokedPrincipal();
        var current = UserPrincipal.Create(user, principal.Identity.AuthenticationType ?? SecurityHosting.Scheme);
        ((ClaimsIdentity)current.Identity!).AddClaim(new Claim(Marker, "1"));
        return current;
    }
}
