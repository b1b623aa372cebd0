using ConnectAddon.Hosting;
using ConnectAddon.Storage;
using ConnectAddon.Sync.Incoming;
using ConnectAddon.Tests.Connections;

namespace ConnectAddon.Tests.Sync.Incoming;

/// <summary>Two processes sharing one database never apply the same connection's events at once; a dead holder is replaced.</summary>
public sealed class ApplyLeasesTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private string folder = null!;
    private Database database = null!;
    private ManualClock clock = null!;

    [SetUp]
    public async Task Start()
    {
        folder = Directory.CreateTempSubdirectory("apply-leases-").FullName;
        database = new Database(new AddonSettings
        {
            BaseUrl = new Uri("http://127.0.0.1:5080"),
            Key = "leases",
            Name = "Exalate",
            InstallKeysBaseUrl = new Uri("https://connect-install-keys.atlassian.com"),
            AllJsUrl = new Uri("https://connect-cdn.atl-paas.net/all.js"),
            StorageProvider = "sqlite",
            ConnectionString = $"Data Source={Path.Combine(folder, "addon.db")}",
            DataDirectory = folder,
            Role = NodeRole.Public,
        });
        await new Migrator(database, Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).MigrateAsync();
        clock = new ManualClock(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public void Stop()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task WhileOneProcessHoldsAConnection_AnotherCannot_ButTheHolderRenews()
    {
        var (first, second) = (new ApplyLeases(database, clock), new ApplyLeases(database, clock));

        Assert.That(await first.HoldAsync("con_a", Lease, default), Is.True);
        Assert.That(await second.HoldAsync("con_a", Lease, default), Is.False, "held by the first");
        Assert.That(await second.HoldAsync("con_b", Lease, default), Is.True, "another connection is free");
        clock.Advance(Lease / 2);
        Assert.That(await first.HoldAsync("con_a", Lease, default), Is.True, "the holder renews");
        clock.Advance(Lease / 2 + TimeSpan.FromSeconds(1));
        Assert.That(await second.HoldAsync("con_a", Lease, default), Is.False, "renewed, so not expired yet");
    }

    [Test]
    public async Task AHolderThatStopsRenewing_IsReplacedOnceItsLeaseExpires_AndCannotTakeItBack()
    {
        var (dead, next) = (new ApplyLeases(database, clock), new ApplyLeases(database, clock));
        Assert.That(await dead.HoldAsync("con_a", Lease, default), Is.True);

        clock.Advance(Lease + TimeSpan.FromMilliseconds(1));
        Assert.That(await next.HoldAsync("con_a", Lease, default), Is.True, "expired: taken over");
        Assert.That(await dead.HoldAsync("con_a", Lease, default), Is.False, "the old holder, back from a stall, finds it taken");
    }

    [Test]
    public async Task ACleanStop_ReleasesTheLeases_SoTheNextProcessGoesOnAtOnce()
    {
        var (stopping, next) = (new ApplyLeases(database, clock), new ApplyLeases(database, clock));
        Assert.That(await stopping.HoldAsync("con_a", Lease, default), Is.True);

        await stopping.ReleaseAllAsync(default);
        Assert.That(await next.HoldAsync("con_a", Lease, default), Is.True);
    }
}
