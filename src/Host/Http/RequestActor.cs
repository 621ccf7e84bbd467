using SecondChance.Host.Security;

namespace SecondChance.Host.Http;

/// <summary>Who is recording: the signed-in user, as <c>user:{id}:{username}</c> in event metadata. No header can claim it.</summary>
public sealed class RequestActor
{
    public const string Anonymous = "anonymous";

    public string Resolve(HttpContext http) => For(http.User.UserId(), http.User.Username());

    public static string For(Guid? userId, string? username) =>
        userId is { } id ? $"user:{id}:{username}" : Anonymous;
}
