using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace SecondChance.Reliability;

/// <summary>
/// Signs the load clients in when the Host requires it: creates an administrator with the Host's own
/// <c>create-admin</c> verb (password on standard input) and asks for a bearer token, renewing it when refused.
/// </summary>
public sealed class Auth(HostProcess host)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
    private bool? _required;
    private bool _adminCreated;
    private string? _token;
    private DateTimeOffset _renewAt;

    public async Task<string?> TokenAsync()
    {
        if (_required == false) return null;
        if (_token is not null && DateTimeOffset.UtcNow < _renewAt) return _token;
        await _gate.WaitAsync();
        try
        {
            if (_token is not null && DateTimeOffset.UtcNow < _renewAt) return _token;
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            if (_required is null)
            {
                var probe = await http.GetAsync("/inmates");
                _required = probe.StatusCode == HttpStatusCode.Unauthorized;
                if (_required == false) return null;
            }
            if (!_adminCreated)
            {
                if (await host.RunVerbAsync(["create-admin", "--username", "reliability"], _password) != 0)
                    throw new InvalidOperationException("create-admin failed");
                _adminCreated = true;
            }
            var r = await http.PostAsJsonAsync("/auth/token", new { username = "reliability", password = _password });
            r.EnsureSuccessStatusCode();
            var body = await r.Content.ReadFromJsonAsync<JsonElement>();
            _token = body.GetProperty("accessToken").GetString();
            _renewAt = DateTimeOffset.UtcNow.AddMinutes(2);
            return _token;
        }
        catch (HttpRequestException)
        {
            return _token;
        }
        finally { _gate.Release(); }
    }
}
