using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using SecondChance.Application;
using SecondChance.Application.Access;
using SecondChance.Domain;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

/// <summary>Cookie sign-in for pages, bearer tokens for API clients. Failures never say whether the username exists.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/auth").WithTags("Sign-in").WithMetadata(new TenantResolution.HomeDatabaseOnly());
        g.MapPost("/sign-in", async (HttpContext http, SignInGuard guard, SignInLimiter limiter) =>
        {
            var (credentials, error) = await CredentialsAsync(http);
            if (error is not null) return error;
            var (outcome, user, refusal) = await CheckAsync(credentials!, guard, limiter, http);
            if (refusal is not null) return refusal;
            await http.SignInAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme,
                UserPrincipal.Create(user!, Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));
            if (credentials!.ReturnUrl is { } back && IsLocal(back)) return Results.Redirect(back);
            return Results.Ok(Me(user!));
        }).AllowAnonymous().RequireRateLimiting(SecurityHosting.SignInLimit).WithName("SignIn")
            .Accepts<TokenRequest>("application/json", "application/x-www-form-urlencoded").Produces<MeView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        g.MapPost("/token", async (HttpContext http, SignInGuard guard, SignInLimiter limiter, TokenIssuer tokens) =>
        {
            var body = await JsonBody.ReadAsync<TokenRequest>(http);
            if (body.Error is { } invalid) return invalid;
            var (_, user, refusal) = await CheckAsync(new Credentials(body.Value!.Username!, body.Value.Password!, null), guard, limiter,
                http);
            if (refusal is not null) return refusal;
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(tokens.Issue(user!));
        }).AllowAnonymous().RequireRateLimiting(SecurityHosting.SignInLimit).WithName("IssueToken")
            .Accepts<TokenRequest>("application/json").Produces<IssuedToken>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        g.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).RequireAuthorization(Policies.SignedIn).WithName("SignOut").Produces(StatusCodes.Status204NoContent);

        g.MapPost("/password", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<ChangePasswordRequest>(http,
                r => new ChangeOwnPassword(http.User.UserId()!.Value, r.CurrentPassword!, r.NewPassword!)))
            .AsCommand<ChangePasswordRequest>("ChangeOwnPassword").RequireAuthorization(Policies.SignedIn);

        g.MapGet("/me", async (HttpContext http, UserDirectory users) =>
                await users.FindAsync(http.User.UserId()!.Value, http.RequestAborted) is { } user
                    ? Results.Ok(Me(user))
                    : Problems.Status(StatusCodes.Status401Unauthorized, "Not signed in", "Sign in again."))
            .RequireAuthorization(Policies.SignedIn).WithName("Me").Produces<MeView>().ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    /// <param name="Tenant">The user's province; null: the home database (national).</param>
    /// <param name="ReadTenants">Provinces a federal reader may read besides their own (header X-SecondChance-Tenant).</param>
    public sealed record MeView(Guid UserId, string Username, string DisplayName, IReadOnlyList<string> Roles,
        IReadOnlyList<Guid> Facilities, IReadOnlyList<Guid> Programmes, bool PersonalDataAccess, string? Tenant, IReadOnlyList<string> ReadTenants);

    private static MeView Me(UserRecord u) =>
        new(u.UserId, u.Username, u.DisplayName, u.Roles.Select(r => r.ToString()).ToList(), u.Facilities, u.Programmes, u.PersonalData,
            u.Tenant, u.ReadTenants);

    private sealed record Credentials(string Username, string Password, string? ReturnUrl);

    /// <summary>The sign-in body (as JSON; the sign-in form posts the same fields, with an optional local returnUrl).</summary>
    internal sealed record TokenRequest([property: Required] string? Username, [property: Required] string? Password) : IValidatableRequest
    {
        public void Validate(FieldErrors e)
        {
            e.Text(Username, "username", 64);
            e.Text(Password, "password", 256);
        }
    }

    internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword) : IValidatableRequest
    {
        public void Validate(FieldErrors e)
        {
            e.Text(CurrentPassword, "currentPassword", 256);
            e.Text(NewPassword, "newPassword", 256);
        }
    }

    private static async Task<(Credentials?, IResult?)> CredentialsAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            var body = await JsonBody.ReadAsync<TokenRequest>(http);
            return body.Error is { } e ? (null, e) : (new Credentials(body.Value!.Username!, body.Value.Password!, null), null);
        }
        if (http.Request.ContentLength > JsonBody.MaxBytes) return (null, Problems.TooLarge());
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, Problems.BadRequest("form", "The form could not be read."));
        }
        var username = form["username"].ToString();
        var password = form["password"].ToString();
        if (username.Length is 0 or > 64 || password.Length is 0 or > 256)
            return (null, Problems.BadRequest("username", "A username and a password are required."));
        return (new Credentials(username, password, form["returnUrl"].ToString() is { Length: > 0 } r ? r : null), null);
    }

    private static async Task<(SignInOutcome, UserRecord?, IResult?)> CheckAsync(
        Credentials c, SignInGuard guard, SignInLimiter limiter, HttpContext http)
    {
        if (!limiter.TryAcquire(c.Username)) return (SignInOutcome.Locked, null, TooMany());
        var (outcome, user) = await guard.CheckAsync(c.Username, c.Password, http.Connection.RemoteIpAddress?.ToString() ?? "-",
            http.RequestAborted);
        return outcome switch
        {
            SignInOutcome.Success => (outcome, user, null),
            SignInOutcome.Locked => (outcome, null, TooMany()),
            _ => (outcome, null, Problems.Status(StatusCodes.Status401Unauthorized, "Sign-in failed", "The username or password is not right.")),
        };
    }

    private static IResult TooMany() => Problems.Status(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins",
        "Sign-in is paused for this username (from this address, or everywhere after failures from many) after repeated failures; try again later.",
        new Dictionary<string, object?> { ["code"] = "sign_in_locked" });

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
