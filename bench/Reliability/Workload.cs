using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SecondChance.Reliability;

/// <summary>One command as a client would send it, with the Idempotency-Key that makes a retry safe.</summary>
public sealed record Command(string Key, string Path, string Body);

public sealed class Outcomes
{
    public ConcurrentBag<double> LatenciesMs { get; } = new();
    public long Acknowledged;
    public long Retries;
    public long ServiceUnavailableWithRetryAfter;
    public long ServiceUnavailableWithoutRetryAfter;
    public long ConnectionFailures;
    public long ServerErrors;
    public ConcurrentBag<string> Unexpected { get; } = new();
}

/// <summary>
/// Clients that send each command until it is acknowledged, retrying with the same Idempotency-Key after a dropped
/// connection or a 5xx, as a careful client would.
/// </summary>
public sealed class Workload(Uri baseAddress, Func<Task<string?>> token, Outcomes outcomes)
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };

    public async Task RunAsync(IReadOnlyList<Command> commands, int clients, CancellationToken ct)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < commands.Count) await SendUntilAcknowledgedAsync(commands[i], ct);
        }, ct)));
    }

    private async Task SendUntilAcknowledgedAsync(Command command, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref outcomes.Retries);
                await Task.Delay(Math.Min(50 * attempt, 1000), ct);
            }
            var sw = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, command.Path)
                {
                    Content = new StringContent(command.Body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", command.Key);
                if (await token() is { } bearer) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                response = await _http.SendAsync(request, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref outcomes.ConnectionFailures);
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    if (attempt == 0) outcomes.LatenciesMs.Add(sw.Elapsed.TotalMilliseconds);
                    Interlocked.Increment(ref outcomes.Acknowledged);
                    return;
                }
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    if (response.Headers.RetryAfter is not null) Interlocked.Increment(ref outcomes.ServiceUnavailableWithRetryAfter);
                    else Interlocked.Increment(ref outcomes.ServiceUnavailableWithoutRetryAfter);
                    continue;
                }
                if (status >= 500) { Interlocked.Increment(ref outcomes.ServerErrors); continue; }
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt < 5) continue;
                outcomes.Unexpected.Add($"{command.Path} {status}: {await response.Content.ReadAsStringAsync(ct)}");
                return;
            }
        }
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
