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
        if (provider != "sqlite")
            problems.Add($"Storage:Provider '{provider}' is not supported by this version; use 'sqlite'");

        var connectionString = config["Storage:ConnectionString"] is { Length: > 0 } cs
            ? cs
            : "Data Source=" + Path.Combine("data", "addon.db");
        string dataDirectory = "";
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
                problems.Add("Storage:ConnectionString must name a database file (Data Source=path/to/file.db); in-memory databases lose acknowledged work");
            else
            {
                var file = Path.GetFullPath(builder.DataSource, contentRoot);
                builder.DataSource = file;
                connectionString = builder.ToString();
                dataDirectory = Path.GetDirectoryName(file)!;
            }
        }
        catch (ArgumentException e)
        {
            problems.Add($"Storage:ConnectionString is not a valid SQLite connection string: {e.Message}");
        }

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
