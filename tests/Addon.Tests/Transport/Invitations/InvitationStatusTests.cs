using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Connections;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Transport.Invitations;

/// <summary>
/// <c>POST /transport/v1/invitations/status</c> lets the private console say at once whether a pasted code can still
/// be accepted (DESIGN §5). Asking changes nothing; a wrong secret and an unknown id answer alike.
/// </summary>
public class InvitationStatusTests
{
    private PublicNodeHarness node = null!;

    [SetUp]
    public async Task Start() => node = await PublicNodeHarness.StartAsync();

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    private async Task<JsonNode> StatusAsync(string code)
    {
        using var response = await node.TransportAsync("/transport/v1/invitations/status", CodeContent.StatusBody(code));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    [Test]
    public async Task ValidInvitation_IsValid_WithWhatItIsFor_AndAskingChangesNothing()
    {
        var (_, code, _) = await node.InitiateAsync(name: "Acme to Globex");
        var before = await node.StoredAsync();

        var status = await StatusAsync(code);

        var expires = DateTimeOffset.FromUnixTimeSeconds(CodeContent.Read(code)["exp"]!.GetValue<long>());
        Assert.That(status.ToJsonString(), Is.EqualTo(
            $$"""{"status":"valid","connectionName":"Acme to Globex","mode":"basic","type":"private","expiresAt":"{{expires.UtcDateTime:yyyy-MM-ddTHH:mm:ss}}Z"}"""));
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
        await node.AcceptAsync(code);
    }

    [Test]
    public async Task ExpiredInvitation_IsExpired()
    {
        var (_, code, _) = await node.InitiateAsync();
        node.Clock.Advance(TimeSpan.FromHours(73));

        Assert.That((await StatusAsync(code))["status"]!.GetValue<string>(), Is.EqualTo("expired"));
    }

    [Test]
    public async Task AcceptedInvitation_IsUsed()
    {
        var (_, code, _) = await node.InitiateAsync();
        await node.AcceptAsync(code);

        Assert.That((await StatusAsync(code))["status"]!.GetValue<string>(), Is.EqualTo("used"));
    }

    [Test]
    public async Task RevokedInvitation_IsRevoked()
    {
        var (id, code, _) = await node.InitiateAsync();
        await node.AdminJsonAsync(HttpMethod.Post, $"/api/admin/connections/{id}/invitation/revoke");

        Assert.That((await StatusAsync(code))["status"]!.GetValue<string>(), Is.EqualTo("revoked"));
    }

    [Test]
    public async Task WrongSecret_UnknownId_AndDeletedConnection_AllAnswer404InTheSameWords()
    {
        var (id, code, _) = await node.InitiateAsync();
        var wrongSecret = CodeContent.StatusBody(code);
        wrongSecret["secret"] = CodeContent.StatusBody((await node.InitiateAsync()).Code)["secret"]!.DeepClone();
        var unknownId = CodeContent.StatusBody(code);
        unknownId["connectionId"] = ConnectionId.New();

        var answers = new List<string>();
        foreach (var body in new[] { wrongSecret, unknownId })
        {
            using var response = await node.TransportAsync("/transport/v1/invitations/status", body);
            answers.Add(await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound));
        }
        using (var deleted = await node.AdminAsync(HttpMethod.Delete, $"/api/admin/connections/{id}"))
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (var response = await node.TransportAsync("/transport/v1/invitations/status", CodeContent.StatusBody(code)))
            answers.Add(await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound));

        Assert.That(answers.Distinct().Count(), Is.EqualTo(1), string.Join(" | ", answers));
    }
}
