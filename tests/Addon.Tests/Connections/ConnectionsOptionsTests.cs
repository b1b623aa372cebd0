using ConnectAddon.Connections;
using ConnectAddon.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Tests.Connections;

/// <summary>Settings of connections come from the <c>Connections</c> section; nonsense stops start-up naming the key.</summary>
public class ConnectionsOptionsTests
{
    private static ConnectionsOptions Read(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddConnectionManagement();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ConnectionsOptions>>().Value;
    }

    [Test]
    public void NothingConfigured_GivesInvitationsSeventyTwoHours() =>
        Assert.That(Read([]).InvitationLifetime, Is.EqualTo(TimeSpan.FromHours(72)));

    [Test]
    public void ConfiguredLifetime_IsUsed() =>
        Assert.That(Read(new() { ["Connections:InvitationLifetime"] = "1.00:00:00" }).InvitationLifetime, Is.EqualTo(TimeSpan.FromDays(1)));

    [TestCase("00:00:00")]
    [TestCase("-01:00:00")]
    [TestCase("00:00:59")]
    [TestCase("31.00:00:00")]
    [TestCase("three days")]
    public void NonsensicalLifetime_IsRefusedNamingTheKey(string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Read(new() { ["Connections:InvitationLifetime"] = value }));
        Assert.That(refused!.Message, Does.Contain("Connections:InvitationLifetime"));
    }

    [Test]
    public async Task InvalidLifetime_StopsTheNodeAtStartWithAMessageNamingIt()
    {
        var (exitCode, output, errors) = await NodeProcess.StartExpectingFailureAsync(new Dictionary<string, string>
        {
            ["Connections:InvitationLifetime"] = "00:00:00",
        });

        Assert.That(exitCode, Is.EqualTo(2), output + errors);
        Assert.That(errors, Does.Contain("Connections:InvitationLifetime"));
        Assert.That(errors, Does.Not.Contain("   at "), "an operator gets the reason, not a stack trace");
    }
}
