using JiraSim.Connect;
using JiraSim.Tests.Support;
using Microsoft.Data.Sqlite;

namespace JiraSim.Tests.Connect;

/// <summary>The simulator against the real app: a signed install it accepts, and webhooks it records.</summary>
public class RealAddonTests : SimulatorTest
{
    [Test]
    public async Task RealApp_InstallsFromItsDescriptor_AndRecordsTheWebhookOfAChange()
    {
        await using var addon = await RealAddonProcess.StartAsync(jira.InstallKeysBaseUrl);

        var installed = await jira.InstallAppAsync("site-a", addon.DescriptorUrl());
        await jira.Admin("site-a").CreateIssue("ACME", "Task", "Synced soon");
        await jira.Webhooks.WhenIdleAsync(TimeSpan.FromSeconds(30));

        var attempts = jira.Webhooks.Log.Entries;
        // The app's sync engine takes a dirty issue at once (and drops it when no connection wants it), so what stays
        // of an accepted webhook is its delivery record, by X-Atlassian-Webhook-Identifier.
        await using var db = new SqliteConnection($"Data Source={addon.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT delivery_id FROM webhook_deliveries WHERE client_key = $clientKey";
        query.Parameters.AddWithValue("$clientKey", jira.ClientKey("site-a"));
        var recorded = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                recorded.Add(reader.GetString(0));

        Assert.That(installed.Key, Is.EqualTo(RealAddonProcess.AppKey));
        Assert.That(jira.State.Connect.Installer.Calls.Select(c => (c.EventType, c.Status)), Is.EqualTo(new[] { ("installed", (int?)204), ("enabled", (int?)204) }));
        Assert.That(attempts.Select(a => (a.Event, a.Outcome)), Is.EqualTo(new[] { ("jira:issue_created", WebhookOutcome.Delivered) }));
        Assert.That(recorded, Is.EqualTo(attempts.Select(a => a.Identifier)));
    }

    [Test]
    public async Task RealApp_UninstallIsAccepted_AndItsLaterWebhooksStop()
    {
        await using var addon = await RealAddonProcess.StartAsync(jira.InstallKeysBaseUrl);
        await jira.InstallAppAsync("site-a", addon.DescriptorUrl());

        var call = await jira.UninstallAppAsync("site-a", RealAddonProcess.AppKey);
        await jira.Admin("site-a").CreateIssue("ACME", "Task", "Not sent");
        await jira.Webhooks.WhenIdleAsync(TimeSpan.FromSeconds(30));

        Assert.That(call!.Status, Is.EqualTo(204), call.Body);
        Assert.That(jira.State.Connect.Installer.Calls.Select(c => c.EventType), Is.EqualTo(new[] { "installed", "enabled", "disabled", "uninstalled" }));
        Assert.That(jira.Webhooks.Log.Entries, Is.Empty);
    }
}
