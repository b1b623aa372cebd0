using ConnectAddon.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ConnectAddon.Storage;

public static class StorageSetup
{
    /// <summary>
    /// The database, and the Data Protection key ring where every process of the deployment finds it, so that secrets
    /// encrypted at rest stay readable by all of them (and by the next start): in <c>keys/</c> beside the SQLite file,
    /// in the database itself on PostgreSQL (<see cref="DatabaseKeyRing"/>).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<DatabaseNotifications>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseNotifications>());
        services.AddDataProtection().SetApplicationName("connect-addon");
        services.AddOptions<KeyManagementOptions>().Configure<AddonSettings, Database, TimeProvider, ILoggerFactory>((options, settings, database, clock, loggers) =>
            options.XmlRepository = database.Dialect != SqlDialect.Postgres
                ? new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(settings.DataDirectory, "keys")), loggers)
                : new DatabaseKeyRing(database, clock));
        return services;
    }

    /// <summary>Creates the data folder and applies migrations before the node accepts requests: a schema problem stops start-up, not a request.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        Directory.CreateDirectory(app.Services.GetRequiredService<AddonSettings>().DataDirectory);
        await app.Services.GetRequiredService<Migrator>().MigrateAsync();
    }
}
