using SecondChance.Application;

namespace SecondChance.Host.Http;

/// <summary>RFC 9457 problem responses for the outcomes a command can have.</summary>
public static class Problems
{
    public static IResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    public static IResult TooLarge() => Status(StatusCodes.Status413PayloadTooLarge, "Request body too large",
        $"The body is limited to {JsonBody.MaxBytes} bytes.");

    public static IResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Refused(string code, string detail) => Status(StatusCodes.Status422UnprocessableEntity,
        "The request was refused", detail, new Dictionary<string, object?> { ["code"] = code });

    /// <summary>409: the resource changed while a request without If-Match was being handled.</summary>
    public static IResult Conflict(VersionConflict conflict) => Status(StatusCodes.Status409Conflict, "Version conflict",
        "The resource changed while the request was being handled; read it again and retry.",
        new Dictionary<string, object?>
        {
            ["code"] = "version_conflict",
            ["expectedVersion"] = conflict.ExpectedVersion,
            ["actualVersion"] = conflict.ActualVersion,
        });

    /// <summary>412 (RFC 9110 §13.1.1): If-Match names a version the resource is no longer at; the current one is given.</summary>
    public static IResult PreconditionFailed(VersionConflict conflict) => Status(StatusCodes.Status412PreconditionFailed, "Precondition failed",
        $"The resource is at version {conflict.ActualVersion}, not the version {conflict.ExpectedVersion} given in If-Match; read it again and retry.",
        new Dictionary<string, object?>
        {
            ["code"] = "version_conflict",
            ["expectedVersion"] = conflict.ExpectedVersion,
            ["actualVersion"] = conflict.ActualVersion,
            ["currentVersion"] = conflict.ActualVersion,
            ["etag"] = IfMatch.ETag(conflict.ActualVersion),
        });

    public static IResult BadRequest(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
