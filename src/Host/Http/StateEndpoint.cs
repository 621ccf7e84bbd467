using SecondChance.Application;

namespace SecondChance.Host.Http;

/// <summary>A stream's current state, with its version as the ETag that commands take back in If-Match.</summary>
public static class StateEndpoint
{
    public static IResult Respond<TState>(HttpContext http, Guid id, Loaded<TState> loaded, object? details = null)
    {
        if (!loaded.Exists) return Problems.NotFound($"No {loaded.AggregateType.Replace('_', ' ')} has id {id}.");
        var etag = IfMatch.ETag(loaded.Version);
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Ok(new StreamView<TState>(id, loaded.Version, loaded.State, details));
    }
}
