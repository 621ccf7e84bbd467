using SecondChance.Application;
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

    public static RouteHandlerBuilder AsState(this RouteHandlerBuilder b, string name) =>
        b.WithName(name).ProducesProblem(StatusCodes.Status404NotFound);
}
