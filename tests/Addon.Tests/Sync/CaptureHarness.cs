using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.PrivateConsole;
using ConnectAddon.PrivateConsole.Settings;
using ConnectAddon.Storage;
using ConnectAddon.Sync.Capture;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;
using Dapper;
using JiraSim;
using JiraSim.Model;
using JiraSim.Seed;
using ConnectAddon.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Tests.Sync;

/// <summary>
/// A private node's change capture wired as the app wires it, on a database file of its own, against the simulated
/// Jira's site-b (project GLX). The simulator's clock and this node's are both moved by the test, and may differ.
/// <see cref="Detector"/> gives a detector of a fresh service provider on the same database: a restarted node.
/// </summary>
public sealed class CaptureHarness : IAsyncDisposable
{
    public const string Site = "site-b";
    public const string Project = "GLX";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 20, TimeSpan.Zero);
    private readonly List<ServiceProvider> providers = [];
    private readonly TestDatabase database = TestDatabase.Create(TestDatabase.DefaultStore, purpose: "capture");

    private CaptureHarness(JiraSimulator jira, ManualClock jiraClock, ManualClock ourClock, int pageSize)
    {
        Jira = jira;
        JiraClock = jiraClock;
        OurClock = ourClock;
        PageSize = pageSize;
        Directory.CreateDirectory(database.DataDirectory);
    }

    public JiraSimulator Jira { get; }
    public ManualClock JiraClock { get; }
    public ManualClock OurClock { get; }
    public int PageSize { get; }
    public SimSite JiraSite => Jira.Site(Site);
    public LogCapture Logs { get; } = new();

    /// <param name="jiraAhead">How far Jira's clock is ahead of this node's (negative: behind).</param>
    public static async Task<CaptureHarness> StartAsync(TimeSpan jiraAhead = default, int pageSize = 100)
    {
        var jiraClock = new ManualClock(Start + jiraAhead);
        var jira = await JiraSimulator.StartAsync(clock: jiraClock);
        var harness = new CaptureHarness(jira, jiraClock, new ManualClock(Start), pageSize);
        await harness.Services().GetRequiredService<Migrator>().MigrateAsync();
        return harness;
    }

    /// <summary>Both clocks move together, as real ones do.</summary>
    public void Advance(TimeSpan by)
    {
        JiraClock.Advance(by);
        OurClock.Advance(by);
    }

    /// <summary>A new detector on a new service provider over the same database, as after a restart.</summary>
    public JqlChangeDetector Detector() => Services().GetRequiredService<JqlChangeDetector>();

    /// <summary>A private-side connection to GLX, accepted now on this node's clock.</summary>
    public async Task<Connection> AddConnectionAsync(string status = ConnectionStatus.Active)
    {
        var now = OurClock.GetUtcNow();
        var connection = new Connection
        {
            Id = ConnectionId.New(),
            Side = ConnectionSide.Private,
            Name = "Acme ⇄ Globex",
            Status = status,
            LocalProject = new ConnectionProject("10100", Project, "Globex"),
            CreatedAt = now,
            UpdatedAt = now,
            ActivatedAt = now,
        };
        await InsertConnectionAsync(database, connection);
        return connection;
    }

    /// <summary>Inserts a private-side row the way the console's accept stores one (without a connection key).</summary>
    public static async Task InsertConnectionAsync(TestDatabase database, Connection connection, DateTimeOffset? deletedAt = null)
    {
        await database.ExecuteAsync("""
            INSERT INTO connections (id, side, name, status, local_project_id, local_project_key, local_project_name,
                created_at_ms, updated_at_ms, activated_at_ms, deleted_at_ms)
            VALUES (@Id, 'private', @Name, @Status, @ProjectId, @ProjectKey, @ProjectName, @Created, @Created, @Created, @Deleted)
            """, new
        {
            connection.Id, connection.Name, connection.Status,
            ProjectId = connection.LocalProject.Id, ProjectKey = connection.LocalProject.Key, ProjectName = connection.LocalProject.Name,
            Created = connection.CreatedAt.ToUnixTimeMilliseconds(),
            Deleted = deletedAt?.ToUnixTimeMilliseconds(),
        });
    }

    public SimIssue CreateIssue(string summary)
    {
        var admin = JiraSite.Users.First(u => u.AccountId == "557058:b-admin");
        var project = JiraSite.FindProject(Project)!;
        return JiraSite.CreateIssue(admin, project, project.IssueTypes.First(t => t.Name == "Task"), summary, null);
    }

    public void Edit(SimIssue issue, string summary)
    {
        var admin = JiraSite.Users.First(u => u.AccountId == "557058:b-admin");
        Assert.That(JiraSite.EditIssue(admin, issue, summary: summary), Is.True);
    }

    /// <summary>The dirty marks of a connection: issue id → change_seq.</summary>
    public Task<Dictionary<string, long>> DirtyAsync(Connection connection) => DirtyAsync(database, connection.Id);

    public static async Task<Dictionary<string, long>> DirtyAsync(TestDatabase database, string connectionId)
    {
        var rows = await database.QueryAsync<(string IssueId, long ChangeSeq)>(
            "SELECT issue_id, change_seq FROM connection_dirty_issues WHERE connection_id = @connectionId", new { connectionId });
        return rows.ToDictionary(r => r.IssueId, r => r.ChangeSeq);
    }

    public static async Task<CapturePoll> PolledAsync(Task<JiraResult<CapturePoll>> poll)
    {
        var result = await poll;
        Assert.That(result.IsSuccess, Is.True, result.ToString());
        return result.Value!;
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jira:Resilience:MaxAttempts"] = "1",
            ["Jira:Resilience:CircuitMinimumThroughput"] = "1000",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(OurClock);
        services.AddSingleton(StoreSettings.For(database, NodeRole.Private, AddonHost.AppKey) with { BaseUrl = new Uri("http://127.0.0.1:5090") });
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddJira();
        services.AddSingleton(Options.Create(new PrivateNodeOptions
        {
            Jira = new PrivateJiraOptions { BaseUrl = JiraSite.BaseUrl.ToString(), Email = "admin@b.example", ApiToken = DefaultSeed.AdminToken },
        }));
        services.AddSingleton(Options.Create(new ChangeCaptureOptions { CapturePageSize = PageSize }));
        services.AddSingleton<LocalJiraServer>();
        services.AddSingleton<LocalJira>();
        services.AddSingleton<SearcherTimeZone>();
        services.AddSingleton<ConnectAddon.Connect.Webhooks.DirtyIssueSignal>();
        services.AddSingleton<ChangeCursorStore>();
        services.AddSingleton<JqlChangeDetector>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        providers.Add(provider);
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
            await provider.DisposeAsync();
        await Jira.DisposeAsync();
        await database.DisposeAsync();
    }
}
