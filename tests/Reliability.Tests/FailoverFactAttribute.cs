using Xunit;

namespace SecondChance.Reliability.Tests;

/// <summary>A test that needs the pg_auto_failover cluster of scripts/failover-cluster.sh: it runs only when SECONDCHANCE_FAILOVER=1.</summary>
public sealed class FailoverFactAttribute : FactAttribute
{
    public FailoverFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SECONDCHANCE_FAILOVER") != "1")
            Skip = "Needs a pg_auto_failover cluster and kills its primary: run `bash scripts/reliability.sh`, which starts it and sets SECONDCHANCE_FAILOVER=1.";
    }
}
