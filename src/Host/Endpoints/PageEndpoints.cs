using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// The browser pages: each is the same small HTML shell naming its module script in wwwroot/js, which reads the JSON
/// API, so a page itself holds no data. Sign-in, the marketplace and certificate verification are public; the rest need a signed-in user.
/// </summary>
public static class PageEndpoints
{
    private static readonly string[] SignedInPages = ["dashboard", "journey", "statement", "compliance", "projections", "provinces", "certificate", "market"];

    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").WithTags("Pages").ExcludeFromDescription().WithMetadata(new TenantResolution.HomeDatabaseOnly());
        pages.MapGet("/", () => Results.Redirect("/dashboard")).AllowAnonymous();
        pages.MapGet("/sign-in", Page("sign-in", heading: "signIn")).AllowAnonymous();
        pages.MapGet("/marketplace", Page("marketplace")).AllowAnonymous();
        // public and bare: no site header or links, so nothing on it says where a certificate was earned
        pages.MapGet("/verify", Page("verify", title: "Certificate verification")).AllowAnonymous();
        foreach (var name in SignedInPages)
            pages.MapGet($"/{name}", Page(name, extraHead: name switch
                {
                    "dashboard" => """<script src="/lib/chart.umd.js"></script>""",
                    "certificate" => """<link rel="stylesheet" href="/css/certificate.css">""",
                    _ => "",
                }))
                .RequireAuthorization(Policies.SignedIn).WithMetadata(new SignInPage());

        // the facility picker's former route; the pages now call GET /facilities
        routes.MapGet("/ui/facilities", FacilityEndpoints.ListAsync).ExcludeFromDescription().RequireAuthorization(Policies.SignedIn);
        return routes;
    }

    /// <summary>A signed-out visitor of a page is sent to sign-in (the API itself answers 401, which a person cannot use).</summary>
    public static IApplicationBuilder UseSignInRedirect(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (http.Response is { StatusCode: StatusCodes.Status401Unauthorized, HasStarted: false }
            && http.GetEndpoint()?.Metadata.GetMetadata<SignInPage>() is not null)
            http.Response.Redirect($"/sign-in?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
    });

    /// <summary>
    /// The page's shell, made once: its heading (an i18n key) and its module script /js/{name}.js. A signed-in visitor's
    /// shell says so (data-signed-in), so a public page asks /auth/me only then and a signed-out visit logs no 401.
    /// </summary>
    private static Func<HttpContext, IResult> Page(string name, string? heading = null, string extraHead = "", string title = "SecondChance")
    {
        var html = $"""
            <!doctype html>
            <html lang="en" dir="ltr">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{title}</title>
              <link rel="stylesheet" href="/css/site.css">
              <link rel="icon" href="data:,">
              {extraHead}
              <script type="module" src="/js/{name}.js"></script>
            </head>
            <body>
              <header class="site"></header>
              <main id="app">
                <h1 data-i18n="{heading ?? name}"></h1>
                <div id="content"></div>
              </main>
            </body>
            </html>
            """;
        var signedIn = html.Replace("""<html lang="en" dir="ltr">""", """<html lang="en" dir="ltr" data-signed-in="true">""", StringComparison.Ordinal);
        return http => Results.Content(http.User.Identity?.IsAuthenticated == true ? signedIn : html, "text/html; charset=utf-8");
    }

    private sealed class SignInPage;
}
