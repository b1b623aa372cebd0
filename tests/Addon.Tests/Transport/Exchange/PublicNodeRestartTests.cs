using ConnectAddon.Connections;
using ConnectAddon.PrivateConsole.Connections;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;
using ConnectAddon.Transport.Exchange;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>
/// The public node as a real process, killed (SIGKILL) while the private node polls it and started again on the same
/// data folder and port: the private node recovers by itself, and every event queued on either side meanwhile arrives
/// exactly once. The connection is written into both databases directly, with one key, as an accept would leave it.
/// </summary>
public class PublicNodeRestartTests
{
    [Test]
    public async Task PublicNodeDownForAWhile_PrivateNodeRecoversByItself_NothingLostNothingDoubled()
    {
        var folder = Directory.CreateTempSubdirectory("exchange-public-").FullName;
        var port = NodeProcess.FreePort();
        var id = ConnectionId.New();
        var key = Base64Url.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        // The public node's own Data Protection keys (its data folder's keys/), made before it starts so it finds them.
        var publicKeys = new ConnectionKeyProtector(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(folder, "keys")),
            builder => builder.SetApplicationName("connect-addon")));
        var protectedKey = publicKeys.Protect(key);

        var publicNode = await NodeProcess.StartAsync(dataFolder: folder, port: port);
        var settings = PrivateNode.Settings(new Uri("http://127.0.0.1:9/jira"));
        settings["PrivateNode:Exchange:WaitSeconds"] = "5";
        settings["PrivateNode:Exchange:MinBackoff"] = "00:00:00.200";
        settings["PrivateNode:Exchange:MaxBackoff"] = "00:00:02";
        settings["PrivateNode:Exchange:ConnectionRefresh"] = "00:00:00.200";
        settings["PrivateNode:PublicNodeTimeout"] = "00:00:05";
        using var privateNode = new AddonHost(settings, store: TestStore.Sqlite); // read as a file below, like the public node's
        try
        {
            await InsertPublicConnectionAsync(publicNode.DatabaseFile, id, protectedKey);
            var now = DateTimeOffset.UtcNow;
            Assert.That(await privateNode.Services.GetRequiredService<PrivateConnectionStore>().AddAcceptedAsync(new Connection
            {
                Id = id, Side = ConnectionSide.Private, Name = "Restart", Status = ConnectionStatus.Active,
                LocalProject = new ConnectionProject("20000", "GLX", "Globex Engineering"),
                RemoteBaseUrl = publicNode.BaseUrl.ToString().TrimEnd('/'), CreatedAt = now, UpdatedAt = now, ActivatedAt = now,
            }, key));
            var privateOutbox = privateNode.Services.GetRequiredService<Outbox>();

            for (var n = 1; n <= 3; n++)
            {
                await EnqueueOnPublicAsync(publicNode.DatabaseFile, id, ExchangePair.Payload(n));
                await privateOutbox.EnqueueAsync(id, ExchangePair.Payload(100 + n));
            }
            await Eventually.HoldsAsync(async () => (await Events(privateNode.DatabaseFile, id, "in")).Count == 3
                && (await Events(publicNode.DatabaseFile, id, "in")).Count == 3, "the first events exchanged");

            await publicNode.KillAsync();
            for (var n = 4; n <= 6; n++)
            {
                await EnqueueOnPublicAsync(publicNode.DatabaseFile, id, ExchangePair.Payload(n));
                await privateOutbox.EnqueueAsync(id, ExchangePair.Payload(100 + n));
            }
            await Eventually.HoldsAsync(() => Task.FromResult(privateNode.Logs.All.Contains("Exchange for " + id)), "the private node noticed the outage");
            await publicNode.DisposeAsync();
            publicNode = await NodeProcess.StartAsync(dataFolder: folder, port: port);

            await Eventually.HoldsAsync(async () => (await Events(privateNode.DatabaseFile, id, "out")).Count == 0
                && (await Events(publicNode.DatabaseFile, id, "out")).Count == 0, "everything delivered and acknowledged after the restart", TimeSpan.FromSeconds(60));
            Assert.That(await Events(privateNode.DatabaseFile, id, "in"), Is.EqualTo(Enumerable.Range(1, 6).Select(ExchangePair.Payload)));
            Assert.That(await Events(publicNode.DatabaseFile, id, "in"), Is.EqualTo(Enumerable.Range(101, 6).Select(ExchangePair.Payload)));
            Assert.That(privateNode.Logs.All, Does.Contain("works again"));
        }
        finally
        {
            await publicNode.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<List<string>> Events(string databaseFile, string id, string direction)
    {
        await using var db = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await db.OpenAsync();
        return (await db.QueryAsync<string>("SELECT payload FROM sync_events WHERE connection_id = @id AND direction = @direction ORDER BY sequence", new { id, direction })).ToList();
    }

    private static async Task InsertPublicConnectionAsync(string databaseFile, string id, string protectedKey)
    {
        await using var db = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await db.OpenAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await db.ExecuteAsync("""
            INSERT INTO connections (id, side, client_key, name, status, local_project_id, local_project_key, local_project_name,
                                     connection_key, created_at_ms, updated_at_ms, activated_at_ms)
            VALUES (@id, 'public', 'client-restart', 'Restart', 'active', '10000', 'ACME', 'Acme Support', @protectedKey, @now, @now, @now)
            """, new { id, protectedKey, now });
    }

    /// <summary>Queues an event on the public node as another process sharing its database would: no in-process signal reaches it.</summary>
    private static async Task EnqueueOnPublicAsync(string databaseFile, string id, string payload)
    {
        await using var db = new SqliteConnection($"Data Source={databaseFile};Pooling=False;Default Timeout=10");
        await db.OpenAsync();
        await using var transaction = await db.BeginTransactionAsync();
        var sequence = await db.ExecuteScalarAsync<long>("""
            INSERT INTO exchange_cursors (connection_id, last_queued) VALUES (@id, 1)
            ON CONFLICT (connection_id) DO UPDATE SET last_queued = last_queued + 1 RETURNING last_queued
            """, new { id }, transaction);
        await db.ExecuteAsync("INSERT INTO sync_events (connection_id, direction, sequence, payload, stored_at_ms) VALUES (@id, 'out', @sequence, @payload, 0)",
            new { id, sequence, payload }, transaction);
        await transaction.CommitAsync();
    }
}
