using SecondChance.Application;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

/// <summary>What the OpenAPI document says each kind of endpoint takes and answers.</summary>
internal static class EndpointMetadata
{
    public static RouteHandlerBuilder AsCommand<TRequest>(this RouteHandlerBuilder b, string name) where TRequest : notnull => b
        .WithName(name)
        .Accepts<TRequest>("application/json")
        .Produces<CommandAccepted>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static RouteHandlerBuilder AsCreate<TRequest>(this RouteHandlerBuilder b, string name) where TRequest : notnull =>
        b.AsCommand<TRequest>(name).Produces<CommandAccepted>(StatusCodes.Status201Created);

    public static RouteHandlerBuilder AsState<TState>(this RouteHandlerBuilder b, string name) =>
        b.WithName(name).Produces<StreamView<TState>>().ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>JSON by default; CSV text when asked for (see <see cref="AuditEndpoints.Respond"/>).</summary>
    public static RouteHandlerBuilder ProducesJsonOrCsv<TJson>(this RouteHandlerBuilder b) =>
        // the API description keeps one type per status code, so the CSV text is added to the JSON answer's 200 here
        b.Produces<TJson>().AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault("200") is { Content: { } content })
                content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            return Task.CompletedTask;
        });
}
