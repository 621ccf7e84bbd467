using JasperFx.CodeGeneration;
using Marten;
using SecondChance.Application;
using Wolverine;
using Wolverine.Marten;

namespace SecondChance.Host.Hosting;

public static class MessagingHosting
{
    /// <summary>Where Wolverine keeps its envelopes (the outbox, scheduled and dead-letter messages) and its node records.</summary>
    public const string Schema = "sc_messages";

    /// <summary>
    /// Wolverine runs every use case (<see cref="CommandHandling"/>), with Marten as its message store: a command's events
    /// and the messages it sends commit in one transaction (the outbox).
    /// </summary>
    public static WebApplicationBuilder AddSecondChanceMessaging(this WebApplicationBuilder builder,
        MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.IntegrateWithWolverine(o => o.MessageStorageSchemaName = Schema);
        builder.Host.UseWolverine(options =>
        {
            options.UseSecondChanceCommands();
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
        });
        return builder;
    }
}
