using System.Text.Json.Nodes;
using JiraSim.Adf;
using JiraSim.Model;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Connect;

/// <summary>A fresh simulator with the <see cref="RecordingApp"/> installed on site-a (its install callbacks recorded too).</summary>
public abstract class InstalledAppTest : SimulatorTest
{
    protected static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    protected RecordingApp app = null!;
    protected SimApp installed = null!;

    protected SimSite Site => jira.Site("site-a");
    protected SimUser User => Site.FindUser("557058:a-user")!;

    protected virtual IEnumerable<(string Event, string Url)> ExtraWebhooks => [];

    [SetUp]
    public async Task InstallRecordingApp()
    {
        app = await RecordingApp.StartAsync(ExtraWebhooks);
        installed = await jira.InstallAppAsync("site-a", app.DescriptorUrl);
    }

    [TearDown]
    public async Task StopRecordingApp() => await app.DisposeAsync();

    protected SimIssue CreateIssue(string summary = "Printer on fire", JsonNode? description = null)
    {
        var project = Site.FindProject("ACME")!;
        return Site.CreateIssue(User, project, project.IssueTypes.First(t => t.Name == "Task"), summary, description ?? AdfValidator.Paragraph("It smokes."), ["hardware"]);
    }

    /// <summary>Waits until every webhook of the changes so far went out, then gives what the app received of one event.</summary>
    protected async Task<IReadOnlyList<RecordedRequest>> WebhooksAsync(string? webhookEvent = null)
    {
        await jira.Webhooks.WhenIdleAsync(Generous);
        return app.Webhooks(webhookEvent);
    }
}
