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

    public const string DisabledCode = "tenant_disabled";
    public const string MovedCode = "tenant_moved";

    /// <summary>What a disabled province's users are told, after its name (and the reason, when known).</summary>
    public const string DisabledDetail = "its records are neither read nor written until a national administrator enables it.";

    /// <summary>
    /// Endpoint metadata: it reads and writes the home database only (sign-in, the user's own account, users and their
    /// grants, the pages' HTML), so a user of a province that is not served now can still sign in, see why, and sign out.
    /// </summary>
    public sealed class HomeDatabaseOnly;

    /// <summary>
    /// A province this node does not serve now: 503 while disabled (until enabled) or moved since this node started;
    /// 404 once removed, as for a province that never was.
    /// </summary>
    public static IResult Unserved(string tenant, ProvinceUnserved why, string? reason) => why switch
    {
        ProvinceUnserved.Removed => NoProvince(tenant),
        ProvinceUnserved.Disabled => Problems.Status(StatusCodes.Status503ServiceUnavailable, "Province disabled",
            $"Province '{Truncate(tenant)}' is disabled{(string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason})")}: {DisabledDetail}",
            new Dictionary<string, object?> { ["code"] = DisabledCode }),
        _ => Problems.Status(StatusCodes.Status503ServiceUnavailable, "Province moved",
            $"Province '{Truncate(tenant)}' was moved to another database after this node started; another node serves it, and this one will once restarted.",
            new Dictionary<string, object?> { ["code"] = MovedCode }),
    };

    public static IResult NoProvince(string tenant) => Problems.NotFound($"No province has tenant id '{Truncate(tenant)}'.");

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40];
}
