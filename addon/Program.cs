using ConnectAddon.Connect;
using ConnectAddon.Health;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAddonSettings();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddStorage();
builder.Services.AddConnect();
builder.Services.AddJira();

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

await app.MigrateDatabaseAsync();
app.Logger.LogInformation("{Name} {Role} node at {BaseUrl}; data in {DataDirectory}", settings.Name, settings.Role, settings.BaseUrl, settings.DataDirectory);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
