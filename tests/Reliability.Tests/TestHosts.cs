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
}
