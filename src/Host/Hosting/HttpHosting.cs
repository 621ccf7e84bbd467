using System.Text.Json.Serialization;
using SecondChance.Host.Http;

namespace SecondChance.Host.Hosting;

public static class HttpHosting
{
    public static WebApplicationBuilder AddSecondChanceHttp(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = JsonBody.MaxBytes);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["correlationId"] = CorrelationIds.TextOf(c.HttpContext);
            // never let an exception's internals reach the client
            c.ProblemDetails.Extensions.Remove("exception");
        });
        builder.Services.AddExceptionHandler<InfrastructureExceptionHandler>();
        builder.Services.AddOpenApi(OpenApiDocumentation.Configure);
        builder.Services.AddSingleton<RequestActor>();
        return builder;
    }

    public static WebApplication UseSecondChanceHttp(this WebApplication app)
    {
        app.Use(CorrelationIds.Middleware);
        app.UseExceptionHandler();
        app.Use(NulCharacterGuard.Middleware);
        app.UseStatusCodePages();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
