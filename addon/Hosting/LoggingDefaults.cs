using Microsoft.Extensions.Configuration.Memory;

namespace ConnectAddon.Hosting;

/// <summary>
/// The log levels the node starts from, under every other configuration source (appsettings.json, the environment,
/// the command line override them): the node's own lines at Information, the framework's request chatter at Warning,
/// and the authentication handlers' "was not authenticated" and "was challenged" at Warning, since each refused
/// request would otherwise write two lines (an outside attack filled a log this way). They hold whatever folder the
/// node is started from.
/// </summary>
public static class LoggingDefaults
{
    private static readonly Dictionary<string, string?> Levels = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:ConnectAddon.Connect.Jwt.JiraJwtAuthenticationHandler"] = "Warning",
        ["Logging:LogLevel:ConnectAddon.Forge.ForgeInvocationAuthenticationHandler"] = "Warning",
    };

    public static WebApplicationBuilder UseLoggingDefaults(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        // Started from another folder (dotnet /srv/exalate/Addon.dll), the node still reads the appsettings.json it
        // was shipped with; the folder's own, when it has one, and the environment and command line still win.
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")) && File.Exists(shipped))
            builder.Configuration.Sources.Insert(1, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = shipped, Optional = true, FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            });
        return builder;
    }
}
