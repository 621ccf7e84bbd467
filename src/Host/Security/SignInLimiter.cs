using System.Threading.RateLimiting;

namespace SecondChance.Host.Security;

/// <summary>Sign-in attempts per username, on top of the per-address limiter and the lock-out table.</summary>
public sealed class SignInLimiter(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(username =>
        RateLimitPartition.GetFixedWindowLimiter(username,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool TryAcquire(string username)
    {
        using var lease = _limiter.AttemptAcquire((username ?? "").Trim().ToLowerInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
