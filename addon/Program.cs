using ConnectAddon.Connect;
using ConnectAddon.Connections;
using ConnectAddon.Forge;
using ConnectAddon.PrivateConsole;
using ConnectAddon.Health;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Storage;
using ConnectAddon.Sync;
using ConnectAddon.Transport;
using ConnectAddon.Transport.Exchange;
using Microsoft.Extensions.Options;

if (args.FirstOrDefault() == ConnectAddon.Storage.Copy.StoreCopy.Command)
    return await ConnectAddon.Storage.Copy.StoreCopy.RunAsync(args[1..], Console.Out);

// The web root is the copy beside Addon.dll, so the pages are served whatever folder the node is started from.
var shippedWebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Directory.Exists(shippedWebRoot) ? shippedWebRoot : null,
});
builder.UseLoggingDefaults();
builder.Services.AddAddonSettings();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddStorage();
builder.Services.AddConnect();
builder.Services.AddForge();
builder.Services.AddJira();
builder.Services.AddTransport();
builder.Services.AddExchange();
builder.Services.AddConnectionManagement();
builder.Services.AddPrivateConsole();
builder.Services.AddSync();

var app = builder.Build();
AddonSettings settings;
try
{
    settings = app.Services.GetRequiredService<AddonSettings>();
}
catch (InvalidSettingsException invalid)
{
    Console.Error.WriteLine(invalid.Message);
    return 2;
}

app.UseRequestPipeline(settings);
app.MapHealth();
app.MapConnect();
app.MapForge();
app.MapTransport();
app.MapConnectionManagement();
app.MapPrivateConsole();
app.MapSync();

await app.MigrateDatabaseAsync();
app.Logger.LogInformation("{Name} {Role} node at {BaseUrl}; data in {DataDirectory}", settings.Name, settings.Role, settings.BaseUrl, settings.DataDirectory);
try
{
    await app.RunAsync();
}
catch (OptionsValidationException invalid) // settings bound by features (e.g. Jira:Resilience), checked on start
{
    Console.Error.WriteLine("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, invalid.Failures.Select(f => "  - " + f)));
    return 2;
}
return 0;

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
