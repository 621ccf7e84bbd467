using FluentAssertions;
using System.Text.Json;
using System.Net.Http.Json;
using System.Net;
using System.Net.Sockets;

namespace SecondChance.Reliability.Tests;

/// <summary>The Host these tests run as a process (built with them, in the same configuration) and a port for it.</summary>
internal static class TestHosts
{
    public static string Dll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repo.FullName, "SecondChance.sln"))) repo = repo.Parent!;
        return Path.Combine(repo.FullName, $"src/Host/bin/{configuration}/net10.0/SecondChance.Host.dll");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<Guid> CreatedAsync(HttpClient http, string path, object body)
    {
        var r = await http.PostAsJsonAsync(path, body);
        r.StatusCode.Should().Be(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Reads until the value is done, every 100 ms, or throws after <paramref name="within"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited in vain for {what} (last: {value}).");
            await Task.Delay(100);
        }
    }
}
