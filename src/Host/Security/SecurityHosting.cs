using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Npgsql;
using SecondChance.Application.Access;
using SecondChance.Host.Http;

namespace SecondChance.Host.Security;

public static class SecurityHosting
{
    public const string Scheme = "SecondChance";
    public const string SignInLimit = "sign-in";
    public const string VerifyLimit = "verify";

    /// <summary>Cookie (pages) and bearer token (API) sign-in, a policy per capability, rate-limited sign-in.</summary>
    public static WebApplicationBuilder AddSecondChanceSecurity(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration.GetSection("Security");
        var services = builder.Services;
        services.AddSingleton<IPasswordHashing, AspNetPasswordHashing>();
        services.AddSingleton(new LockoutOptions(config.GetValue("MaxFailedSignIns", 5),
            TimeSpan.FromMinutes(config.GetValue("FailureWindowMinutes", 15)), TimeSpan.FromMinutes(config.GetValue("LockoutMinutes", 15)),
            config.GetValue("MaxFailedSignInsEverywhere", 50)));
        services.AddSingleton(new ErasureOptions(config.GetValue("ErasureRetentionYears", 0)));
        services.AddSingleton(new SignInLimiter(config.GetValue("SignInsPerUsernamePerMinute", 10)));
        services.AddSingleton<IClaimsTransformation, CurrentUserClaims>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<ScopeLookup>();
        services.AddSingleton<ReadScope>();

        // one key ring for every node on the database: a token or cookie from one node is good on all of them
        services.AddDataProtection().SetApplicationName("SecondChance");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<NpgsqlDataSource>(),
                sp.GetRequiredService<SecondChance.Integrity.Events.EventStoreOptions>().Schema)));

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "secondchance";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // an API answers 401/403 (as ProblemDetails via the status-code pages), never a redirect
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromMinutes(config.GetValue("TokenMinutes", 15)));
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme).Configure<TimeProvider>((o, t) => o.TimeProvider = t);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<TimeProvider>((o, t) => o.TimeProvider = t);

        services.AddAuthorization(o =>
        {
            foreach (var (name, roles) in Policies.Holders)
                o.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireClaim(ClaimNames.Role, roles.Select(r => r.ToString())));
            // defence in depth: an endpoint that forgot its policy still needs a signed-in user (a test catches the omission)
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        var perIp = config.GetValue("SignInsPerAddressPerMinute", 30);
        var verificationsPerIp = config.GetValue("VerificationsPerAddressPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (c, ct) =>
            {
                c.HttpContext.Response.Headers.RetryAfter = "60";
                var verifying = c.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == VerifyLimit;
                await (verifying
                        ? Problems.Status(StatusCodes.Status429TooManyRequests, "Too many verification requests",
                            "This address has checked too many certificate codes in the last minute; wait a minute and try again.")
                        : Problems.Status(StatusCodes.Status429TooManyRequests, "Too many sign-in attempts", "Wait a minute and try again."))
                    .ExecuteAsync(c.HttpContext);
            };
            o.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perIp, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(VerifyLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = verificationsPerIp, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    public static WebApplication UseSecondChanceSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        // a cookie or token of a deactivated user is 401 (sign in again), not 403
        app.Use(async (http, next) =>
        {
            if (http.User.HasClaim(CurrentUserClaims.Revoked, "1") && http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            await next(http);
        });
        app.UseTenantResolution();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
