using EndToEnd.Tests.Support;
using EndToEnd.Tests.Transport;
using Sandbox;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// A Forge site's app token over real processes: when Forge revokes the token the public node holds (a reinstall, a
/// rotation), a change from the partner waits, and says why in the connection's sync errors, until Forge's next call
/// brings a fresh token (here the hourly scheduled call); then it arrives, once.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ForgeAppTokenTests
{
    private static readonly TimeSpan Generously = TimeSpan.FromMinutes(2);
    private SyncPair pair = null!;

    [OneTimeSetUp]
    public async Task Start() => pair = await SyncPair.StartAsync(install: AppInstall.Forge);

    [OneTimeTearDown]
    public async Task Stop() => await pair.DisposeAsync();

    private Task<List<string>> IncomingErrorsAsync() => NodeDatabase.SyncErrorsAsync(pair.Nodes.Public.DatabaseFile, pair.ConnectionId, "in");

    [Test]
    public async Task AChangeFromThePartner_WaitsVisiblyWhileTheAppTokenIsRevoked_AndArrivesWithForgesNextCall()
    {
        var source = pair.CreateOnA("Token: wait for me");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Token: wait for me");
        await pair.SettledAsync();

        // From here no call of Forge reaches the node (reading the admin API would bring the new token with it).
        pair.Nodes.ForgeApp!.RevokeTokens();
        pair.SiteB.EditIssue(pair.PersonB, twin, summary: "Token: waited");

        var errors = new List<string>();
        await Eventually.HoldsAsync(async () => (errors = await IncomingErrorsAsync()).Any(m => m.Contains("waiting for a fresh app token", StringComparison.Ordinal)),
            "the public side's sync errors say the change waits for a fresh app token", Generously, () => string.Join(Environment.NewLine, errors) + pair.Nodes.Output());
        Assert.That(SyncPair.Read(pair.SiteA, () => source.Summary), Is.EqualTo("Token: wait for me"), "nothing was written with the refused token");

        var scheduled = await pair.Jira.Forge.RunScheduledAsync(pair.Nodes.ForgeApp);
        Assert.That(scheduled?.Succeeded, Is.True, scheduled?.Error);

        await Eventually.HoldsAsync(() => Task.FromResult(SyncPair.Read(pair.SiteA, () => source.Summary == "Token: waited")),
            "the partner's change arrived after Forge's scheduled call brought a fresh token", Generously, pair.Nodes.Output);
        await Eventually.HoldsAsync(async () => (await IncomingErrorsAsync()).Count == 0, "the error is gone once the change is applied", Generously, pair.Nodes.Output);
        Assert.That(SyncPair.IssuesWithSummary(pair.SiteA, "Token: waited"), Has.Count.EqualTo(1), "applied once, to the same issue");
    }
}
