using SecondChance.Application.Access;

namespace SecondChance.Host.Security;

/// <summary>Records who read whose personal record (route value <c>inmateId</c>) when the read succeeded.</summary>
public sealed class PersonalRecordAccessLog : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var status = result is IStatusCodeHttpResult { StatusCode: { } s } ? s : StatusCodes.Status200OK;
        if (status < 400 && http.Request.RouteValues.TryGetValue("inmateId", out var raw) && Guid.TryParse(raw?.ToString(), out var inmateId))
            await http.RequestServices.GetRequiredService<AccessLog>().RecordAsync(http.User.UserId(), http.User.Username() ?? "anonymous",
                inmateId, $"{http.Request.Method} {http.Request.Path}", http.RequestAborted);
        return result;
    }
}
