using System.Net;
using ConnectAddon.Storage.Copy;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Storage;

/// <summary>
/// <c>copy-store</c>: an SQLite deployment moved onto PostgreSQL keeps its tenants, their secrets (the key ring comes
/// along), its connections and its queues; a second copy into the same database is refused and writes nothing.
/// </summary>
public sealed class StoreCopyTests
{
    [Test]
    public async Task ACopiedDeployment_RunsOnPostgreSQL_WithEverythingItHad_AndASecondCopyIsRefused()
    {
        await using var sqlite = TestDatabase.Create(TestStore.Sqlite, purpose: "copy_from");
        await using var postgres = TestDatabase.Create(TestStore.Postgres, purpose: "copy_to");
        JiraSite site;
        string before;
        using (var old = new AddonHost(database: sqlite))
        {
            site = await old.InstallAsync("client-moved");
            using var webhook = await old.PostJsonAsync("/webhooks/issue-updated", """{"webhookEvent":"jira:issue_updated","issue":{"id":"10001","key":"ACME-1"}}""",
                site.Token("POST", "/webhooks/issue-updated"));
            Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            before = await old.SnapshotAsync();
        }

        var output = new StringWriter();
        string[] args =
        [
            "--from", sqlite.DatabaseFile(), "--Storage:Provider", "postgres", "--Storage:ConnectionString", postgres.ConnectionString,
            "--Storage:DataDirectory", postgres.DataDirectory, "--Addon:BaseUrl", AddonHost.BaseUrl, "--Addon:Key", AddonHost.AppKey,
        ];
        Assert.That(await StoreCopy.RunAsync(args, output), Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("tenants: 1 rows").And.Contain("dirty_issues: 1 rows").And.Contain("data_protection_keys: 1 keys"));

        using (var moved = new AddonHost(database: postgres))
        {
            Assert.That(await moved.SnapshotAsync(), Is.EqualTo(before), "every row as it was");
            // The shared secret was encrypted with the SQLite deployment's keys: a signed webhook verifies only if they came along.
            using var webhook = await moved.PostJsonAsync("/webhooks/issue-updated", """{"webhookEvent":"jira:issue_updated","issue":{"id":"10002","key":"ACME-2"}}""",
                site.Token("POST", "/webhooks/issue-updated"));
            Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await moved.ScalarAsync<long>("SELECT COUNT(*) FROM dirty_issues"), Is.EqualTo(2));
        }

        var again = new StringWriter();
        Assert.That(await StoreCopy.RunAsync(args, again), Is.EqualTo(2));
        Assert.That(again.ToString(), Does.StartWith("Nothing was copied: The PostgreSQL database holds data already"));
    }

    [Test]
    public async Task ACopyWithoutASourceFile_IsRefusedWithWhatToGive()
    {
        var output = new StringWriter();
        Assert.That(await StoreCopy.RunAsync(["--from", "/nonexistent/addon.db", "--Addon:BaseUrl", AddonHost.BaseUrl, "--Addon:Key", AddonHost.AppKey,
            "--Storage:Provider", "postgres", "--Storage:ConnectionString", "Host=127.0.0.1;Database=none"], output), Is.EqualTo(2));
        Assert.That(output.ToString(), Does.Contain("--from '/nonexistent/addon.db' is no file"));
    }
}
