using System.Net;
using System.Net.Http.Json;
using ConnectAddon.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>
/// Changing the console password in the console (when the configuration does not set it) ends every other session
/// at once; the browser that changed it stays signed in, with a new session. The old password opens nothing after.
/// </summary>
public class ConsolePasswordChangeTests
{
    private const string NewPassword = "a-new-and-long-password";
    private string folder = null!;
    private PrivateNode node = null!;

    [SetUp]
    public async Task Start()
    {
        // The first start stores the configured password; this one runs without it, as an operator who let the
        // console keep its own password would.
        folder = Directory.CreateTempSubdirectory("password-change-").FullName;
        await (await PrivateNode.StartAsync(dataDirectory: folder)).DisposeAsync();
        node = await PrivateNode.StartAsync(new() { ["Console:AdminPassword"] = null }, folder);
    }

    [TearDown]
    public async Task Stop()
    {
        await node.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string next) =>
        browser.PostAsJsonAsync("/api/console/password", new { currentPassword = current, newPassword = next });

    private async Task<HttpStatusCode> LoginStatusAsync(string password)
    {
        using var browser = node.Browser();
        using var login = await browser.PostAsJsonAsync("/console/login", new { username = "admin", password });
        return login.StatusCode;
    }

    [Test]
    public async Task PasswordChange_EndsOtherSessions_KeepsThisBrowserIn_AndOnlyTheNewPasswordLogsIn()
    {
        using var here = await node.LoggedInAsync();
        using var elsewhere = await node.LoggedInAsync();

        using var changed = await ChangeAsync(here, PrivateNode.Password, NewPassword);

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await changed.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That((await here.GetAsync("/api/console/connections")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "this browser got a new session");
            Assert.That((await elsewhere.GetAsync("/api/console/connections")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the other browser is signed out");
            Assert.That(await LoginStatusAsync(PrivateNode.Password), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await LoginStatusAsync(NewPassword), Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [TestCase("wrong-current-password", NewPassword, HttpStatusCode.BadRequest, "not right", TestName = "A wrong current password is 400 and changes nothing")]
    [TestCase(PrivateNode.Password, "short", HttpStatusCode.BadRequest, "12", TestName = "A short new password is 400 and changes nothing")]
    [TestCase(PrivateNode.Password, "            ", HttpStatusCode.BadRequest, "12", TestName = "A blank new password is 400 and changes nothing")]
    [TestCase(PrivateNode.Password, PrivateNode.Password, HttpStatusCode.BadRequest, "current one", TestName = "The same password again is 400")]
    public async Task BadPasswordChange_IsRefused_AndBothTheSessionsAndThePasswordStay(string current, string next, HttpStatusCode status, string reason)
    {
        using var here = await node.LoggedInAsync();
        using var elsewhere = await node.LoggedInAsync();

        using var refused = await ChangeAsync(here, current, next);

        await ApiErrorAssert.IsRefusal(refused, status, reason);
        Assert.That((await elsewhere.GetAsync("/api/console/connections")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await LoginStatusAsync(PrivateNode.Password), Is.EqualTo(HttpStatusCode.NoContent));
    }
}
