using System.Runtime.CompilerServices;
using JasperFx.Events.Daemon;
using Marten.Exceptions;
using Npgsql;
using SecondChance.Projections.OnMarten;

namespace SecondChance.Projections.Tests.OnMarten;

public sealed class ConnectionFailureTests
{
    [Fact]
    public void A_batch_that_finds_no_primary_during_a_failover_is_a_transient_failure_so_the_read_model_is_restarted()
    {
        RuntimeHelpers.RunClassConstructor(typeof(MartenReadModels).TypeHandle);
        var noPrimary = new MartenCommandException(new NpgsqlCommand("update x"), new NpgsqlException("No suitable host was found."));

        ShardFailure.For(noPrimary, DateTimeOffset.UnixEpoch).IsTransient.Should().BeTrue();
    }

    [Fact]
    public void A_statement_the_server_refuses_is_not_made_transient()
    {
        RuntimeHelpers.RunClassConstructor(typeof(MartenReadModels).TypeHandle);

        TransientFailures.IsTransient(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")).Should().BeFalse();
    }
}
