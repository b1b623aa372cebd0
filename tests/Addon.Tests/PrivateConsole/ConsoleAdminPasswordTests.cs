using System.Net;
using System.Net.Http.Json;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>The console's admin credential: generated and shown once when none is set, set from configuration otherwise, stored only as a hash.</summary>
public class ConsoleAdminPasswordTests
{
    private const string ShownOnce = "Console admin password (shown once): ";

    [Test]
    public async Task FirstStartWithoutAPassword_PrintsAGeneratedOneOnce_AndLaterStartsDoNot()
    {
        var folder = Directory.CreateTempSubdirectory("private-node-").FullName;
        try
        {
            string password;
            await using (var first = await StartPrivateNodeProcessAsync(folder))
            {
                using var login = await LoginAsync(first.BaseUrl, await PasswordShownBy(first));
                Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the printed password logs in");
                await first.KillAsync();
                var output = first.StandardOutput;
                Assert.That(output.Count(l => l.StartsWith(ShownOnce)), Is.EqualTo(1));
                password = output.Single(l => l.StartsWith(ShownOnce))[ShownOnce.Length..];
            }

            await using var second = await StartPrivateNodeProcessAsync(folder);
            using (var again = await LoginAsync(second.BaseUrl, password))
                Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the stored password still logs in");
            await second.KillAsync();
            var later = second.StandardOutput;

            Assert.That(password, Has.Length.GreaterThanOrEqualTo(20));
            Assert.That(later, Has.None.Contains(ShownOnce.TrimEnd()).And.None.Contains(password));
            var stored = await StoredHash(folder);
            Assert.That(stored, Does.StartWith("pbkdf2-sha256$").And.Not.Contain(password));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task ConfiguredPassword_IsStoredAsASaltedPbkdf2Hash_AndNeverPrinted()
    {
        await using var node = await PrivateNode.StartAsync();

        var stored = await node.Host.ScalarAsync<string>("SELECT password_hash FROM console_credentials WHERE username = 'admin'");

        var parts = stored.Split('$');
        Assert.That(parts, Has.Length.EqualTo(4));
        Assert.That(parts[0], Is.EqualTo("pbkdf2-sha256"));
        Assert.That(int.Parse(parts[1]), Is.GreaterThanOrEqualTo(100_000));
        Assert.That(Convert.FromBase64String(parts[2]), Has.Length.GreaterThanOrEqualTo(16), "a random salt");
        Assert.That(stored, Does.Not.Contain(PrivateNode.Password));
    }

    [Test]
    public async Task SamePasswordOnTwoNodes_GivesDifferentHashes()
    {
        await using var one = await PrivateNode.StartAsync();
        await using var two = await PrivateNode.StartAsync();

        var first = await one.Host.ScalarAsync<string>("SELECT password_hash FROM console_credentials");
        var second = await two.Host.ScalarAsync<string>("SELECT password_hash FROM console_credentials");

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public async Task ChangedPasswordAtTheNextStart_ReplacesTheOldOne_AndEndsOpenSessions()
    {
        var folder = Directory.CreateTempSubdirectory("private-node-").FullName;
        try
        {
            string cookie;
            await using (var before = await PrivateNode.StartAsync(dataDirectory: folder))
            {
                using var browser = before.Browser();
                using var login = await browser.PostAsJsonAsync("/console/login", new { username = "admin", password = PrivateNode.Password });
                cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("console_session=")).Split(';')[0];
            }

            await using var after = await PrivateNode.StartAsync(new() { ["Console:AdminPassword"] = "a-brand-new-password" }, folder);
            using var oldSession = after.Browser();
            oldSession.DefaultRequestHeaders.Add("Cookie", cookie);
            using var withOldCookie = await oldSession.GetAsync("/api/console/connections");
            using var oldPassword = await after.Browser().PostAsJsonAsync("/console/login", new { username = "admin", password = PrivateNode.Password });
            using var newPassword = await after.Browser().PostAsJsonAsync("/console/login", new { username = "admin", password = "a-brand-new-password" });

            Assert.That(withOldCookie.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(oldPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(newPassword.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task SessionCookie_SurvivesARestartWithTheSamePassword()
    {
        var folder = Directory.CreateTempSubdirectory("private-node-").FullName;
        try
        {
            string cookie;
            await using (var before = await PrivateNode.StartAsync(dataDirectory: folder))
            {
                using var login = await before.Browser().PostAsJsonAsync("/console/login", new { username = "admin", password = PrivateNode.Password });
                cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("console_session=")).Split(';')[0];
            }

            await using var after = await PrivateNode.StartAsync(dataDirectory: folder);
            using var browser = after.Browser();
            browser.DefaultRequestHeaders.Add("Cookie", cookie);
            using var response = await browser.GetAsync("/api/console/connections");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A private node as an operator starts it, on a data folder that outlives it; its Jira is never called (start-up does not need it).</summary>
    private static Task<NodeProcess> StartPrivateNodeProcessAsync(string folder) => NodeProcess.StartAsync(new Dictionary<string, string>
    {
        ["Addon:Key"] = "private-node-test",
        ["Node:Role"] = "private",
        ["PrivateNode:Jira:BaseUrl"] = "http://127.0.0.1:9/jira",
        ["PrivateNode:Jira:PersonalAccessToken"] = "unused-token",
    }, folder);

    private static async Task<string> PasswordShownBy(NodeProcess node) =>
        (await node.WaitForOutputAsync(line => line.StartsWith(ShownOnce, StringComparison.Ordinal), TimeSpan.FromSeconds(30)))[ShownOnce.Length..];

    private static async Task<HttpResponseMessage> LoginAsync(Uri baseUrl, string password)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        return await http.PostAsJsonAsync("/console/login", new { username = "admin", password });
    }

    private static async Task<string> StoredHash(string folder)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "addon.db")};Pooling=False");
        return await db.ExecuteScalarAsync<string>("SELECT password_hash FROM console_credentials WHERE username = 'admin'") ?? "";
    }
}
