namespace SecondChance.Host.Http;

/// <summary>
/// Who is recording. Until sign-in exists it is the X-Actor header; this is the one place sign-in replaces.
/// </summary>
public sealed class RequestActor
{
    public const string Header = "X-Actor";
    public const string Anonymous = "anonymous";
    public const int MaxLength = 200;

    public string Resolve(HttpContext http)
    {
        var claimed = http.Request.Headers[Header].ToString().Trim();
        if (claimed.Length == 0) return Anonymous;
        return claimed.Length <= MaxLength ? claimed : claimed[..MaxLength];
    }
}
