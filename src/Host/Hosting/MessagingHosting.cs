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

    /// <summary>Static (the default: load the pre-generated handler code) or Dynamic (generate and compile it at run time).</summary>
    public const string CodeGenerationSetting = "Wolverine:CodeGeneration";

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
            // the generated code lives here whoever starts the host (a test host's entry assembly is the test runner)
            options.ApplicationAssembly = typeof(MessagingHosting).Assembly;
            options.UseSecondChanceCommands();
            // the handlers' adapter code is generated ahead of time (scripts/codegen.sh writes src/Host/Internal/Generated and
            // scripts/test.sh fails when it is stale), so a node starts without compiling; Dynamic compiles at run time instead
            options.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue(CodeGenerationSetting, TypeLoadMode.Static);
        });
        return builder;
    }
}
