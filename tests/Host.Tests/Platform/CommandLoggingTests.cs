using System.Collections.Concurrent;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

/// <summary>Lost races that Wolverine retries must not put a command's content (names, national ids, passwords) in the log.</summary>
public sealed class CommandLoggingTests(CommandLoggingTests.CapturingFixture fixture) : IClassFixture<CommandLoggingTests.CapturingFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Retried_lost_races_log_nothing_of_the_commands_content()
    {
        var scenario = new Scenario(fixture.CreateApi());
        var facility = (await scenario.FacilityAsync()).Id;
        const string marker = "confidential-remark";

        // wards added at once to one facility without If-Match: races lost on the facility's stream, retried by Wolverine
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async c =>
        {
            var api = fixture.CreateApi();
            var statuses = new List<int>();
            for (var i = 0; i < 4; i++)
                statuses.Add((int)(await api.PostAsync($"/facilities/{facility}/wards",
                    new { name = $"{marker} {c}/{i}", category = "AdultMale" })).Status);
            return statuses;
        }));

        answers.SelectMany(a => a).Should().OnlyContain(s => s == 200);
        fixture.Logs.Should().NotBeEmpty();
        fixture.Logs.Should().NotContain(l => l.Contains(marker));
    }

    [Theory]
    [InlineData(typeof(SecondChance.Domain.Facilities.AddWard))]
    [InlineData(typeof(SecondChance.Domain.Inmates.AdmitInmate))]
    [InlineData(typeof(SecondChance.Application.Access.RegisterUserRequest))]
    public void Loggers_named_after_a_command_type_log_nothing_so_a_retried_command_never_reaches_the_log(Type command)
    {
        // Wolverine logs a failed attempt with the message itself under a logger named after the message type
        var logger = fixture.Factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(command.FullName!);

        logger.IsEnabled(LogLevel.Critical).Should().BeFalse();
        logger.LogCritical("Invocation of {Message} failed!", "marker-of-" + command.Name);
        fixture.Logs.Should().NotContain(l => l.Contains("marker-of-" + command.Name));
    }

    public sealed class CapturingFixture : ApiFixture
    {
        public ConcurrentQueue<string> Logs { get; } = new();

        protected override void ConfigureHost(IWebHostBuilder builder) =>
            builder.ConfigureLogging(l => l.AddProvider(new CapturingLoggerProvider(Logs)));
    }
}
