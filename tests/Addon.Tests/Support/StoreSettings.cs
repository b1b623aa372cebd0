using ConnectAddon.Hosting;
using ConnectAddon.Storage;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Support;

/// <summary>Settings and a migrated <see cref="Database"/> for tests that use the stores without a running app.</summary>
public static class StoreSettings
{
    public static AddonSettings For(TestDatabase database, NodeRole role = NodeRole.Public, string key = "store-tests") => new()
    {
        BaseUrl = new Uri("http://127.0.0.1:5080"),
        Key = key,
        Name = "Exalate",
        InstallKeysBaseUrl = new Uri("https://connect-install-keys.atlassian.com"),
        AllJsUrl = new Uri("https://connect-cdn.atl-paas.net/all.js"),
        StorageProvider = database.Store == TestStore.Postgres ? "postgres" : "sqlite",
        ConnectionString = database.ConnectionString,
        DataDirectory = database.DataDirectory,
        Role = role,
    };

    /// <summary>The app's <see cref="Database"/> on <paramref name="database"/>, with every migration applied.</summary>
    public static async Task<Database> MigratedAsync(TestDatabase database, NodeRole role = NodeRole.Public)
    {
        Directory.CreateDirectory(database.DataDirectory);
        var opened = new Database(For(database, role));
        await new Migrator(opened, Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).MigrateAsync();
        return opened;
    }
}
