using System.Globalization;
using SecondChance.Integrity.Events;
using SecondChance.Host.Hosting;
using SecondChance.Projections.OnMarten;

namespace SecondChance.Host.Http;

/// <summary>
/// Where an answer comes from: these read models (<see cref="Projections"/>), and whether it waits for them to include
/// everything acknowledged before the request (<see cref="MustBeCurrent"/>) and refuses if they cannot
/// (<see cref="RefuseIfBehind"/>); no projections means the event log. FromLogWhen names requests the endpoint answers
/// from the event log instead (time travel).
/// </summary>
public sealed record ReadModelSource(IReadOnlyList<string> Projections, bool MustBeCurrent, Func<HttpRequest, bool>? FromLogWhen = null,
    bool RefuseIfBehind = true)
{
    public bool IsEventLog(HttpRequest request) => Projections.Count == 0 || FromLogWhen?.Invoke(request) == true;
}

/// <summary>
/// Says on every read-model and audit answer up to which place in the global log it is current, in the header
/// <see cref="Header"/> as transactionId:position. On Marten the place is the event's sequence (<c>mt_events.seq_id</c>),
/// the order Marten's daemon applies events in, so the transaction id is always 0. An answer that
/// must be current waits, bounded, until its read models include every event committed before the request began,
/// and is refused with 503 and Retry-After if they cannot, never answered stale.
/// </summary>
public static class ReadModelPosition
{
    public const string Header = "X-Read-Model-Position";

    public const string Description =
        "The place in the global event log (transactionId:position; on Marten 0:sequence, ordered by sequence) up to which this answer is current: "
        + "for a read model its projection's progression, for an answer from the event log the committed head it read up to.";

    /// <summary>From read models that lag by design; the header says how far they had come.</summary>
    public static RouteHandlerBuilder ReadsReadModel(this RouteHandlerBuilder b, params string[] projections) =>
        b.With(new ReadModelSource(projections, MustBeCurrent: false));

    /// <summary>From read models that must first include everything acknowledged before the request (audit).</summary>
    public static RouteHandlerBuilder ReadsCurrentReadModel(this RouteHandlerBuilder b, string projection, Func<HttpRequest, bool>? fromLogWhen = null) =>
        b.With(new ReadModelSource([projection], MustBeCurrent: true, fromLogWhen)).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// A comparison of the log with read models (reconciliation): it waits for them like an audit read, but a read model
    /// that cannot catch up is what it is there to show, so it answers anyway and the header says how far they had come.
    /// </summary>
    public static RouteHandlerBuilder ComparesWithReadModel(this RouteHandlerBuilder b, string projection) =>
        b.With(new ReadModelSource([projection], MustBeCurrent: true, RefuseIfBehind: false));

    /// <summary>Folded from the event log at request time.</summary>
    public static RouteHandlerBuilder ReadsEventLog(this RouteHandlerBuilder b) => b.With(new ReadModelSource([], MustBeCurrent: false));

    public static string Format(GlobalCursor at) => at.TransactionId.ToString(CultureInfo.InvariantCulture) + ":" + at.Position.ToString(CultureInfo.InvariantCulture);

    private static RouteHandlerBuilder With(this RouteHandlerBuilder b, ReadModelSource source) =>
        b.WithMetadata(source).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var positions = http.RequestServices.GetRequiredService<MartenReadModels>().Positions;
            var ct = http.RequestAborted;
            if (source.IsEventLog(http.Request))
                http.Response.Headers[Header] = Format(await positions.LogHeadAsync(ct));
            else if (!source.MustBeCurrent)
                http.Response.Headers[Header] = Format(await positions.CurrentAsync(source.Projections, ct));
            else
            {
                var timeout = http.RequestServices.GetRequiredService<ReadModelWaits>().CatchUpTimeout;
                var caughtUp = await positions.CatchUpAsync(source.Projections, timeout, ct);
                if (!caughtUp.Reached && source.RefuseIfBehind) return Behind(http, caughtUp, timeout);
                http.Response.Headers[Header] = Format(caughtUp.Position);
            }
            return await next(context);
        });

    private static IResult Behind(HttpContext http, CatchUp c, TimeSpan waited)
    {
        var paused = c.Failure == CatchUpFailure.Paused;
        http.Response.Headers.RetryAfter = (paused ? 60 : 5).ToString(CultureInfo.InvariantCulture);
        var detail = paused
            ? $"The {c.Projection} read model is paused (at an event it could not apply; its checkpoint is {Format(c.Position)}) and does not include everything "
              + $"recorded up to {Format(c.Target)}; an operator must resume it (GET /admin/projections shows why it stopped). Nothing stale is answered."
            : $"The {c.Projection} read model is at {Format(c.Position)} and did not reach {Format(c.Target)}, the last event recorded before this "
              + $"request, within {waited.TotalSeconds:0.#} seconds. Nothing stale is answered; try again shortly.";
        return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Read model not yet current", detail, new Dictionary<string, object?>
        {
            ["code"] = paused ? "read_model_paused" : "read_model_behind",
            ["projection"] = c.Projection,
            ["position"] = Format(c.Position),
            ["requiredPosition"] = Format(c.Target),
        });
    }
}
