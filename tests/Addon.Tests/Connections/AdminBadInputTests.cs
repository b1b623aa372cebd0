using System.Net;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connections;

/// <summary>
/// Bad input to the admin API is a 4xx whose message says what was wrong, and changes nothing (DESIGN §9). One node
/// serves every case: none of them may leave a trace for the next.
/// </summary>
public class AdminBadInputTests
{
    private PublicNodeHarness node = null!;
    private string id = null!;

    [OneTimeSetUp]
    public async Task StartWithAConnection()
    {
        node = await PublicNodeHarness.StartAsync();
        id = (await node.InitiateAsync()).Id;
    }

    [OneTimeTearDown]
    public async Task Stop() => await node.DisposeAsync();

    private static IEnumerable<TestCaseData> BadBodies()
    {
        TestCaseData Case(string name, string body, HttpStatusCode status, string reason) => new TestCaseData(body, status, reason).SetName("Initiate with " + name + " is refused");

        yield return Case("no body", "", HttpStatusCode.BadRequest, "empty");
        yield return Case("a body that is not JSON", "{projectId: 10000", HttpStatusCode.BadRequest, "not valid JSON");
        yield return Case("a JSON array", """[{"projectId":"10000"}]""", HttpStatusCode.BadRequest, "object");
        yield return Case("no projectId", """{"mode":"basic","type":"private"}""", HttpStatusCode.BadRequest, "projectId");
        yield return Case("a numeric projectId", """{"projectId":10000,"mode":"basic","type":"private"}""", HttpStatusCode.BadRequest, "projectId");
        yield return Case("a blank projectId", """{"projectId":"  ","mode":"basic","type":"private"}""", HttpStatusCode.BadRequest, "projectId");
        yield return Case("no mode", """{"projectId":"10000","type":"private"}""", HttpStatusCode.BadRequest, "mode");
        yield return Case("script mode", """{"projectId":"10000","mode":"script","type":"private"}""", HttpStatusCode.BadRequest, "basic");
        yield return Case("a public type", """{"projectId":"10000","mode":"basic","type":"public"}""", HttpStatusCode.BadRequest, "private");
        yield return Case("a name of 101 characters", $$"""{"name":"{{new string('n', 101)}}","projectId":"10000","mode":"basic","type":"private"}""", HttpStatusCode.BadRequest, "name");
        yield return Case("a name with a line break", """{"name":"two\nlines","projectId":"10000","mode":"basic","type":"private"}""", HttpStatusCode.BadRequest, "control");
        yield return Case("a name that is an object", """{"name":{},"projectId":"10000","mode":"basic","type":"private"}""", HttpStatusCode.BadRequest, "name");
        yield return Case("a body over 16 KiB", $$"""{"name":"{{new string('n', 17_000)}}","projectId":"10000","mode":"basic","type":"private"}""", HttpStatusCode.RequestEntityTooLarge, "at most");
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task Initiate_WithABadBody_Is4xxWithAReasonAndStoresNothing(string body, HttpStatusCode status, string reason)
    {
        var before = await node.StoredAsync();

        using var response = await node.AdminAsync(HttpMethod.Post, "/api/admin/connections", body);

        await ApiErrorAssert.IsRefusal(response, status, reason);
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [TestCase("{}", "Nothing to change", TestName = "Edit with nothing to change is 400")]
    [TestCase("""{"name":""}""", "blank", TestName = "Edit with a blank name is 400")]
    [TestCase("""{"name":42}""", "string", TestName = "Edit with a numeric name is 400")]
    [TestCase("""{"projectId":["10000"]}""", "projectId", TestName = "Edit with a projectId array is 400")]
    [TestCase("""{"projectId":"NOPE"}""", "NOPE", TestName = "Edit to a project Jira does not know is 400")]
    public async Task Edit_WithABadBody_Is400WithAReasonAndChangesNothing(string body, string reason)
    {
        var before = await node.StoredAsync();

        using var response = await node.AdminAsync(HttpMethod.Patch, "/api/admin/connections/" + id, body);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, reason);
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task BodyThatIsNotJson_Is415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/connections")
        {
            Content = new StringContent("projectId=10000", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new("JWT", node.ContextToken(node.TenantA));
        var before = await node.StoredAsync();

        using var response = await node.App.CreateClient().SendAsync(request);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.UnsupportedMediaType, "application/json");
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [TestCase("con_aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [TestCase("not-an-id")]
    [TestCase("con_%27%20OR%201%3D1%20--")]
    public async Task UnknownId_Is404OnEveryRoute(string unknown)
    {
        var before = await node.StoredAsync();
        var path = "/api/admin/connections/" + unknown;
        (HttpMethod, string, string?)[] calls =
        [
            (HttpMethod.Patch, path, """{"name":"x"}"""), (HttpMethod.Post, path + "/deactivate", null), (HttpMethod.Post, path + "/activate", null),
            (HttpMethod.Get, path + "/invitation", null), (HttpMethod.Post, path + "/invitation/revoke", null), (HttpMethod.Delete, path, null),
        ];

        foreach (var (method, route, body) in calls)
        {
            using var response = await node.AdminAsync(method, route, body);
            await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound, "no such connection");
        }
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }
}
