using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SecondChance.Host.Endpoints;
using SecondChance.Host.Http;

namespace SecondChance.Host.Hosting;

/// <summary>
/// What the OpenAPI document adds to what minimal APIs describe themselves: the bearer and cookie schemes and which
/// operations need them, a summary for every operation, and the query parameters endpoints declare as metadata
/// (the list filters, and required from/to), and the read-model position header of answers from read models or the log.
/// </summary>
public static class OpenApiDocumentation
{
    public const string Bearer = "Bearer";
    public const string Cookie = "Cookie";

    public static void Configure(OpenApiOptions o)
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SecondChance";
            document.Info.Description = "The rehabilitation record of each prisoner's journey. Sign in with POST /auth/token and send " +
                                        "the token as 'Authorization: Bearer ...'; pages use the cookie from POST /auth/sign-in.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "The accessToken from POST /auth/token (15 minutes).",
            };
            document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "secondchance",
                Description = "The session cookie from POST /auth/sign-in (pages).",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer(async (operation, context, ct) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IEndpointNameMetadata>().FirstOrDefault() is { } name) operation.Summary ??= EndpointSummaries.For(name.EndpointName);
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                operation.Security = [Requirement(Bearer, context.Document), Requirement(Cookie, context.Document)];
            foreach (var declared in metadata.OfType<QueryParameter>())
                await DeclareAsync(operation, declared, context, ct);
            if (metadata.OfType<ReadModelSource>().Any()) DeclarePositionHeader(operation);
        });
    }

    private static void DeclarePositionHeader(OpenApiOperation operation)
    {
        operation.Responses ??= new OpenApiResponses();
        // a handler returning IResult declares no success response of its own
        if (!operation.Responses.Keys.Any(k => k.StartsWith('2'))) operation.Responses["200"] = new OpenApiResponse { Description = "OK" };
        foreach (var (status, response) in operation.Responses)
            if (status.StartsWith('2') && response is OpenApiResponse r)
            {
                r.Headers ??= new Dictionary<string, IOpenApiHeader>();
                r.Headers[ReadModelPosition.Header] = new OpenApiHeader
                {
                    Description = ReadModelPosition.Description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static async Task DeclareAsync(OpenApiOperation operation, QueryParameter declared, OpenApiOperationTransformerContext context,
        CancellationToken ct)
    {
        operation.Parameters ??= [];
        var schema = await context.GetOrCreateSchemaAsync(declared.Type, null, ct);
        var existing = operation.Parameters.OfType<OpenApiParameter>()
            .FirstOrDefault(p => p.In == ParameterLocation.Query && string.Equals(p.Name, declared.Name, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = declared.Name, In = ParameterLocation.Query, Required = declared.Required, Description = declared.Description, Schema = schema,
            });
        else
        {
            existing.Required |= declared.Required;
            existing.Description ??= declared.Description;
            existing.Schema = schema;
        }
    }
}
