using FluentAssertions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task The_registered_store_keeps_the_redacting_logger_and_pauses_projections_on_bad_events()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSecondChanceMarten("Host=127.0.0.1;Database=unused");
        await using var provider = services.BuildServiceProvider();

        var options = (StoreOptions)provider.GetRequiredService<IDocumentStore>().Options;

        options.Logger().Should().BeOfType<RedactingMartenLogger>("AddMarten installs its own logger, which logs parameter values, only when none is set");
        options.Events.DatabaseSchemaName.Should().Be(MartenSetup.Schema);
        foreach (var errors in new[] { options.Projections.Errors, options.Projections.RebuildErrors })
        {
            errors.SkipApplyErrors.Should().BeFalse();
            errors.SkipSerializationErrors.Should().BeFalse();
            errors.SkipUnknownEvents.Should().BeFalse();
        }
    }
}
