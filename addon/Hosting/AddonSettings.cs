using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ConnectAddon.Hosting;

/// <summary>
/// Every setting the node reads, checked once at start-up. Sources are the usual ASP.NET Core ones
/// (appsettings.json, environment variables with <c>__</c>, command line), so <c>Addon__BaseUrl</c> and
/// <c>--Addon:BaseUrl</c> both work.
/// </summary>
public sealed partial record AddonSettings
{
    public required Uri BaseUrl { get; init; }
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required Uri InstallKeysBaseUrl { get; init; }
    public required Uri AllJsUrl { get; init; }
    public required string StorageProvider { get; init; }
    public required string ConnectionString { get; init; }
    /// <summary>The folder that holds the database file and the Data Protection keys beside it.</summary>
    public required string DataDirectory { get; init; }
    public required NodeRole Role { get; init; }

    /// <summary>
    /// The reverse proxies whose <c>X-Forwarded-For/-Proto/-Host</c> this node believes (<c>ReverseProxy:KnownProxies</c>,
    /// addresses or networks). Empty (the default): forwarded headers are ignored, so nobody can claim another
    /// address or https by sending them.
    /// </summary>
    public IReadOnlyList<System.Net.IPNetwork> KnownProxies { get; init; } = [];

    /// <summary>The path part of <see cref="BaseUrl"/> without a trailing slash ("" at the root): qsh paths are relative to it.</summary>
    public string BasePath => BaseUrl.AbsolutePath.TrimEnd('/');

    public static AddonSettings FromConfiguration(IConfiguration config, string contentRoot)
    {
        var problems = new List<string>();

        var baseUrlText = config["Addon:BaseUrl"];
        Uri? baseUrl = null;
        if (string.IsNullOrWhiteSpace(baseUrlText))
            problems.Add("Addon:BaseUrl is missing: set it to the public URL Jira reaches this node at, e.g. https://sync.example.com");
        else if (!IsHttpUrl(baseUrlText, out baseUrl) || baseUrl!.Query.Length > 0 || baseUrl.Fragment.Length > 0 || baseUrlText.Length > 200)
            problems.Add($"Addon:BaseUrl '{baseUrlText}' is not an absolute http(s) URL without query or fragment (at most 200 characters)");

        var key = config["Addon:Key"];
        if (string.IsNullOrWhiteSpace(key))
            problems.Add("Addon:Key is missing: the Connect app key, unique to your app (letters, digits, '-', '.', '_')");
        else if (!AppKeyPattern().IsMatch(key))
            problems.Add($"Addon:Key '{key}' may hold only letters, digits, '-', '.' and '_' (at most 80 characters)");

        var name = config["Addon:Name"] is { Length: > 0 } n ? n : "Exalate";
        if (name.Length > 80)
            problems.Add("Addon:Name is longer than 80 characters");

        var installKeys = UrlSetting(config, "Connect:InstallKeysBaseUrl", "https://connect-install-keys.atlassian.com", problems);
        var allJs = UrlSetting(config, "Connect:AllJsUrl", "https://connect-cdn.atl-paas.net/all.js", problems);

        var provider = (config["Storage:Provider"] is { Length: > 0 } p ? p : "sqlite").ToLowerInvariant();
        var (connectionString, dataDirectory) = provider switch
        {
            "sqlite" => SqliteStorage(config, contentRoot, problems),
            "postgres" => PostgresStorage(config, contentRoot, problems),
            _ => Problem(problems, $"Storage:Provider '{provider}' is not supported; use 'sqlite' (the default, one process) or 'postgres' (one or more processes)"),
        };

        var roleText = config["Node:Role"] is { Length: > 0 } r ? r : "public";
        NodeRole role = NodeRole.Public;
        if (!Enum.TryParse(roleText, ignoreCase: true, out role) || !Enum.IsDefined(role))
            problems.Add($"Node:Role '{roleText}' must be 'public' or 'private'");

        var knownProxies = NetworkList.Read(config, "ReverseProxy:KnownProxies", problems);

        if (problems.Count > 0)
            throw new InvalidSettingsException(problems);

        return new AddonSettings
        {
            BaseUrl = baseUrl!,
            Key = key!,
            Name = name,
            InstallKeysBaseUrl = installKeys!,
            AllJsUrl = allJs!,
            StorageProvider = provider,
            ConnectionString = connectionString,
            DataDirectory = dataDirectory,
            Role = role,
            KnownProxies = knownProxies,
        };
    }

    /// <summary>SQLite: a database file (never in memory: that loses acknowledged work); the data folder is the file's.</summary>
    private static (string, string) SqliteStorage(IConfiguration config, string contentRoot, List<string> problems)
    {
        var connectionString = config["Storage:ConnectionString"] is { Length: > 0 } cs
            ? cs
            : "Data Source=" + Path.Combine("data", "addon.db");
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
                return Problem(problems, "Storage:ConnectionString must name a database file (Data Source=path/to/file.db); in-memory databases lose acknowledged work");
            var file = Path.GetFullPath(builder.DataSource, contentRoot);
            builder.DataSource = file;
            return (builder.ToString(), Path.GetDirectoryName(file)!);
        }
        catch (ArgumentException e)
        {
            return Problem(problems, $"Storage:ConnectionString is not a valid SQLite connection string: {e.Message}");
        }
    }

    /// <summary>
    /// PostgreSQL: an Npgsql connection string naming a host and a database (required: there is no default server);
    /// the data folder (<c>Storage:DataDirectory</c>, default <c>data</c>) holds what is not in the database: received
    /// attachment bytes until they are uploaded. Every process of one deployment must see the same folder.
    /// </summary>
    private static (string, string) PostgresStorage(IConfiguration config, string contentRoot, List<string> problems)
    {
        var dataDirectory = Path.GetFullPath(config["Storage:DataDirectory"] is { Length: > 0 } d ? d : "data", contentRoot);
        if (config["Storage:ConnectionString"] is not { Length: > 0 } connectionString)
            return Problem(problems, "Storage:ConnectionString is missing: with Storage:Provider 'postgres' it names the server, e.g. Host=db.internal;Database=exalate;Username=exalate;Password=…");
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
                return Problem(problems, "Storage:ConnectionString names no Host: the PostgreSQL server to use");
            if (string.IsNullOrWhiteSpace(builder.Database))
                return Problem(problems, "Storage:ConnectionString names no Database: the app keeps its tables in the database named there");
            return (connectionString, dataDirectory);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql's message names the keyword, never the value (the password may be in it).
            return Problem(problems, $"Storage:ConnectionString is not a valid PostgreSQL connection string: {e.Message}");
        }
    }

    private static (string, string) Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return ("", "");
    }

    private static Uri? UrlSetting(IConfiguration config, string name, string fallback, List<string> problems)
    {
        var text = config[name] is { Length: > 0 } t ? t : fallback;
        if (IsHttpUrl(text, out var url))
            return url;
        problems.Add($"{name} '{text}' is not an absolute http(s) URL");
        return null;
    }

    private static bool IsHttpUrl(string text, out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    // The descriptor schema's pattern for "key", with its 80-character limit.
    [GeneratedRegex("^[a-zA-Z0-9-._]{1,80}$")]
    private static partial Regex AppKeyPattern();
}
