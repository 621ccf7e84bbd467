using JasperFx;
using Microsoft.Extensions.Logging.Console;
using SecondChance.Application;
using SecondChance.Application.Audit;
using SecondChance.Host.Cli;
using SecondChance.Host.Demo;
using SecondChance.Host.Endpoints;
using SecondChance.Host.Health;
using SecondChance.Host.Hosting;
using SecondChance.Host.Http;
using SecondChance.Host.Security;
using SecondChance.Host.Telemetry;

if (CliHelp.Handles(args)) return CliHelp.Print(args, Console.Out);
if (CliHelp.UnknownVerb(args) is { } notAVerb)
{
    await Console.Error.WriteLineAsync(notAVerb);
    return 2;
}

var builder = WebApplication.CreateBuilder(args);
// a verb's standard output is its result (JSON, CSV); what it logs on the way goes to standard error
if (args.Any(CliHelp.IsVerb))
    builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.AddSecondChanceHttp();
builder.AddSecondChanceSecurity();
builder.AddSecondChanceTelemetry();
var marten = builder.Services.AddSecondChanceDatabase();
builder.AddSecondChanceMessaging(marten);
builder.Services.AddSecondChanceApplication();
builder.Services.AddProjectionDaemon(builder.Configuration, marten);
builder.Services.AddSecondChanceHealth(builder.Configuration);
builder.Services.AddDemoSeeding(builder.Configuration, seedOnStart: !args.Any(CliHelp.IsVerb));
builder.Services.AddAuditAndOversight().AddSingleton<OversightReportQuery>();

// JasperFx's describe prints every configuration value: secrets (connection strings, passwords) are blanked for it
if (args is ["describe", ..]) CliHelp.BlankSecrets(builder.Configuration);
var app = builder.Build();
if (CliHelp.IsCritterStackVerb(args)) return await app.RunJasperFxCommands(args);
if (args.Contains("migrate")) return await app.MigrateAndExitAsync();
if (args is ["add-tenant", ..]) return await app.AddTenantAndExitAsync(args);
if (args is ["disable-tenant" or "enable-tenant" or "remove-tenant", ..]) return await app.SetTenantServedAndExitAsync(args);
if (args.Contains("move-to-marten")) return await app.MoveToMartenAndExitAsync();
if (args.Contains("seed-demo")) return await app.SeedDemoAndExitAsync(args);
if (ProjectionHosting.HandlesRebuild(args)) return await app.RebuildAndExitAsync(args);
if (CreateAdminVerb.Handles(args)) return await CreateAdminVerb.RunAsync(app, args);
if (CliVerbs.Handles(args)) return await CliVerbs.RunAsync(app, args);

app.UseSecondChanceHttp();
app.UseStaticFiles();
app.UseSignInRedirect();
app.UseSecondChanceSecurity();
app.Use(QueryParameters.Middleware);
app.MapSecondChanceEndpoints();
app.MapReadModelEndpoints();
app.MapAuthEndpoints();
app.MapAdminEndpoints();
app.MapPageEndpoints();
await app.RunAsync();
return 0;

public partial class Program;
