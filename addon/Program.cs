using ConnectAddon.Connect;
using ConnectAddon.Connections;
using ConnectAddon.PrivateConsole;
using ConnectAddon.Health;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Storage;
using ConnectAddon.Transport;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAddonSettings();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddStorage();
builder.Services.AddConnect();
builder.Services.AddJira();
builder.Services.AddTransport();
builder.Services.AddConnectionManagement();
builder.Services.AddPrivateConsole();

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

app.UseJsonErrors();
app.UseStaticFiles();
app.MapHealth();
app.MapConnect();
app.MapTransport();
app.MapConnectionManagement();
app.MapPrivateConsole();

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
