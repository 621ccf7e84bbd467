using SecondChance.Application;
using SecondChance.Host.Endpoints;
using SecondChance.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSecondChanceHttp();
builder.Services.AddSecondChanceDatabase();
builder.Services.AddSecondChanceApplication();
builder.Services.AddProjectionDaemon(builder.Configuration);

var app = builder.Build();
if (args.Contains("migrate")) return await app.MigrateAndExitAsync();

app.UseSecondChanceHttp();
app.MapSecondChanceEndpoints();
app.MapReadModelEndpoints();
await app.RunAsync();
return 0;

public partial class Program;
