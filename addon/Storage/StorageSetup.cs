using ConnectAddon.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ConnectAddon.Storage;

public static class StorageSetup
{
    /// <summary>
    /// The database, and Data Protection keys kept in <c>keys/</c> beside the database file, so that secrets
    /// encrypted at rest stay readable by every process that shares this data folder (and by the next start).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddDataProtection().SetApplicationName("connect-addon");
        services.AddOptions<KeyManagementOptions>().Configure<AddonSettings, ILoggerFactory>((options, settings, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(settings.DataDirectory, "keys")), loggers));
        return services;
    }

    /// <summary>Creates the data folder and applies migrations before the node accepts requests: a schema problem stops start-up, not a request.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        Directory.CreateDirectory(app.Services.GetRequiredService<AddonSettings>().DataDirectory);
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
    }
}
