using System.Reflection;
using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;
using ConnectAddon.Transport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ConnectAddon.Tests.Transport;

/// <summary>
/// The class around "a pasted code made the private node connect anywhere": every HTTP client either role uses for
/// a URL it did not configure itself connects through the destination guard and follows no redirect. The clients come
/// from the app's own constants, so a new one must be placed in one of the two lists here.
/// </summary>
public class OutboundClientsTests
{
    // URLs that come from outside: typed by an admin, named by an invitation code, stored from one, or a Jira site's.
    private static readonly string[] Guarded =
    [
        TransportSetup.DestinationClient,
        ConnectAddon.PrivateConsole.PublicNode.PublicNodeClient.HttpClientName,
        ConnectAddon.PrivateConsole.Poller.ExchangeClient.HttpClientName,
        ConnectAddon.Transport.Attachments.AttachmentTransferClient.HttpClientName,
        ConnectAddon.Jira.JiraSetup.ConnectClient,
        ConnectAddon.Jira.JiraSetup.ForgeClient,
    ];

    // URLs the operator set: the private node's own Jira (inside its network by nature), Atlassian's install key
    // server (Connect:InstallKeysBaseUrl, with a kid checked to be one path segment before it becomes part of the URL)
    // and Forge's signing keys (Forge:JwksUrl).
    private static readonly string[] OperatorConfigured =
    [
        ConnectAddon.Jira.JiraSetup.CredentialsClient,
        ConnectAddon.Connect.Jwt.InstallKeyProvider.HttpClientName,
        ConnectAddon.Forge.Jwt.ForgeKeySet.HttpClientName,
    ];

    [Test]
    public void EveryNamedClientOfTheApp_IsInOneOfTheLists()
    {
        var names = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && (f.Name == "HttpClientName" || f.DeclaringType!.Name.EndsWith("Setup") && f.Name.EndsWith("Client")))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.That(names, Is.EquivalentTo(Guarded.Concat(OperatorConfigured)));
    }

    [Test]
    public async Task OnBothRoles_EveryClientForAnOutsideUrl_ConnectsThroughTheGuard_AndFollowsNoRedirect()
    {
        using var publicNode = new AddonHost();
        await using var privateNode = await PrivateNode.StartAsync();
        foreach (var (role, app) in new (string, WebApplicationFactory<Program>)[] { ("public", publicNode), ("private", privateNode.Host) })
        {
            var guard = app.Services.GetRequiredService<DestinationUrlGuard>();
            foreach (var name in Guarded)
            {
                var sockets = PrimaryOf(app.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name));
                Assert.Multiple(() =>
                {
                    Assert.That(sockets.ConnectCallback?.Target, Is.SameAs(guard), $"{role} node, client {name}: connects through the guard");
                    Assert.That(sockets.AllowAutoRedirect, Is.False, $"{role} node, client {name}: follows no redirect");
                    Assert.That(sockets.UseProxy, Is.False, $"{role} node, client {name}: no proxy but Transport:OutboundProxy");
                });
            }
        }
    }

    private static SocketsHttpHandler PrimaryOf(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler delegating)
            handler = delegating.InnerHandler!;
        return handler as SocketsHttpHandler ?? throw new AssertionException($"The primary handler is a {handler.GetType().Name}, not the guard's SocketsHttpHandler.");
    }
}
