using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Transport.Invitations;

/// <summary>
/// Uninstalling the app stops the tenant's syncing (DESIGN §4), so its open invitations count as revoked while it
/// stays uninstalled: a partner cannot make a connection that could never sync.
/// </summary>
public class UninstalledTenantTests
{
    private PublicNodeHarness node = null!;

    [SetUp]
    public async Task Start() => node = await PublicNodeHarness.StartAsync();

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    [Test]
    public async Task InvitationOfAnUninstalledTenant_IsRevoked_AndCannotBeAccepted()
    {
        var (_, code, _) = await node.InitiateAsync();
        await node.LifecycleAsync(node.TenantA.Site, "uninstalled");
        var before = await node.StoredAsync();

        using var status = await node.TransportAsync("/transport/v1/invitations/status", CodeContent.StatusBody(code));
        using var accept = await node.TransportAsync("/transport/v1/accept", CodeContent.AcceptBody(code, CodeContent.NewNonce()));

        Assert.That(JsonNode.Parse(await status.Content.ReadAsStringAsync())!["status"]!.GetValue<string>(), Is.EqualTo("revoked"));
        await ApiErrorAssert.IsRefusal(accept, HttpStatusCode.Gone, "revoked");
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AfterAReinstall_TheInvitationCanBeAcceptedAgain()
    {
        var (_, code, _) = await node.InitiateAsync();
        await node.LifecycleAsync(node.TenantA.Site, "uninstalled");
        await node.LifecycleAsync(node.TenantA.Site, "installed");

        var answer = await node.AcceptAsync(code);

        Assert.That(answer["publicProject"]!["key"]!.GetValue<string>(), Is.EqualTo("ACME"));
    }
}
