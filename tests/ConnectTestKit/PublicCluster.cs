namespace ConnectAddon.TestKit;

/// <summary>
/// What several public-node processes share: a PostgreSQL database of their own on the test server, one data folder,
/// and the reverse proxy in front of their ports. Their settings are the one public node's, each on its own port with
/// the proxy's URL as <c>Addon:BaseUrl</c>; the connection string reaches them in the environment, not the command line.
/// </summary>
public sealed class PublicCluster : IAsyncDisposable
{
    private PublicCluster(TestDatabase database, LoopbackProxy proxy, IReadOnlyList<int> ports)
    {
        Database = database;
        Proxy = proxy;
        Ports = ports;
    }

    public TestDatabase Database { get; }
    public LoopbackProxy Proxy { get; }
    public IReadOnlyList<int> Ports { get; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["Storage__ConnectionString"] = Database.ConnectionString };

    /// <param name="pinned">A path prefix whose requests all go to the first process, the rest round-robin to the others (see <see cref="LoopbackProxy.StartAsync"/>).</param>
    public static async Task<PublicCluster> StartAsync(int processes, string sharedFolder, string? pinned = null)
    {
        var database = TestDatabase.Create(TestStore.Postgres, sharedFolder, "public_cluster");
        var ports = Enumerable.Range(0, processes).Select(_ => NodeProcess.FreePort()).ToList();
        var proxy = await LoopbackProxy.StartAsync(ports.Select(p => new Uri($"http://127.0.0.1:{p}/")).ToList(), pinned);
        return new PublicCluster(database, proxy, ports);
    }

    public Dictionary<string, string> SettingsOf(IReadOnlyDictionary<string, string> publicSettings, int port)
    {
        var settings = new Dictionary<string, string>(publicSettings)
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Addon:BaseUrl"] = Proxy.BaseUrl.ToString().TrimEnd('/'),
            ["Storage:Provider"] = "postgres",
            ["Storage:DataDirectory"] = Database.DataDirectory,
        };
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Database.DisposeAsync();
    }
}
