using Microsoft.Extensions.Primitives;
using SecondChance.Host.Http;
using SecondChance.Integrity.Tenancy;

namespace SecondChance.Host.Security;

/// <summary>
/// Puts each request in one province's database: the signed-in user's. A federal reader may name another province
/// they were granted (header <see cref="Header"/>) for reading only. A province the user may not read is answered
/// exactly as one that does not exist, so nobody learns another province's tenant ids, and within a province every
/// id of another province's records is simply not there (404).
/// </summary>
public static class TenantResolution
{
    public const string Header = "X-SecondChance-Tenant";

    public static WebApplication UseTenantResolution(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var own = http.User.Tenant();
            var tenant = own;
            if (http.Request.Headers[Header] is { Count: > 0 } asked && asked.ToString() is { Length: > 0 } named && named != own)
            {
                if (!http.User.ReadableTenants().Contains(named) && !await OperatesAsync(http, named))
                {
                    await Problems.NotFound($"No province you may read has tenant id '{Truncate(named)}'.").ExecuteAsync(http);
                    return;
                }
                if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !await OperatesAsync(http, named))
                {
                    await Problems.Status(StatusCodes.Status403Forbidden, "Forbidden",
                        "Other provinces' records are read only: nobody writes across provinces.").ExecuteAsync(http);
                    return;
                }
                tenant = named;
            }
            if (!TenantScope.IsHome(tenant))
            {
                http.Response.Headers[Header] = tenant;
                var tenancy = http.RequestServices.GetRequiredService<Marten.IDocumentStore>().Provinces();
                if (tenancy.Unserved(tenant) is { } unserved && http.GetEndpoint()?.Metadata.GetMetadata<HomeDatabaseOnly>() is null)
                {
                    await Unserved(tenant, unserved, tenancy.DisabledReason(tenant)).ExecuteAsync(http);
                    return;
                }
            }
            using (TenantScope.Enter(tenant)) await next(http);
        });
        return app;
    }

    /// <summary>
    /// National administrators run every province's read models (status, rebuild, resume at /admin/projections): that
    /// touches no record, so it is the one thing they do in a province they were not granted.
    /// </summary>
    private static async Task<bool> OperatesAsync(HttpContext http, string tenant) =>
        TenantScope.IsHome(http.User.Tenant()) && http.User.Has(Domain.Access.Role.Administrator)
        && http.Request.Path.StartsWithSegments("/admin/projections")
        && TenantRegistry.Invalid(tenant) is null
        && await http.RequestServices.GetRequiredService<TenantRegistry>().FindAsync(tenant, http.RequestAborted) is not null;

    /// <summary>503 for a province this node does not serve now: disabled (until enabled), or moved since it started.</summary>
    public static IResult Unserved(string tenant, ProvinceUnserved why, string? reason) => why == ProvinceUnserved.Removed
        ? Problems.NotFound($"No province has tenant id '{Truncate(tenant)}'.")
        : why == ProvinceUnserved.Disabled
        ? Problems.Status(StatusCodes.Status503ServiceUnavailable, "Province disabled",
            $"Province '{tenant}' is disabled{(string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason})")}: its records are neither read nor written until a national administrator enables it.",
            new Dictionary<string, object?> { ["code"] = DisabledCode })
        : Problems.Status(StatusCodes.Status503ServiceUnavailable, "Province moved",
            $"Province '{tenant}' was moved to another database after this node started; another node serves it, and this one will once restarted.",
            new Dictionary<string, object?> { ["code"] = MovedCode });

    public const string DisabledCode = "tenant_disabled";

    /// <summary>
    /// Endpoint metadata: it reads and writes the home database only (sign-in, the user's own account, users and their
    /// grants, the pages' HTML), so a user of a province that is not served now can still sign in, see why, and sign out.
    /// </summary>
    public sealed class HomeDatabaseOnly;
    public const string MovedCode = "tenant_moved";

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40];
}
