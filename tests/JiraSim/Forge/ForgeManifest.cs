using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace JiraSim.Forge;

/// <summary>
/// What the simulator reads of a Forge app's manifest.yml, as the Forge platform does at deploy time
/// ("Manifest reference"): the app id and its remote (after the declared <c>${VARIABLES}</c> are filled in, as the
/// Forge CLI does), the endpoints, the triggers and their events, the scheduled trigger, the pre-uninstall module, and
/// the UI modules with their Custom UI resources (folders, relative to the manifest).
/// </summary>
public sealed partial record ForgeManifest
{
    public required string AppId { get; init; }
    public required string RemoteKey { get; init; }
    public required Uri RemoteBaseUrl { get; init; }
    /// <summary>Endpoint key → its route path (null for the endpoints UI calls reach, whose path comes with each call).</summary>
    public required IReadOnlyDictionary<string, string?> Endpoints { get; init; }
    public required IReadOnlyList<ForgeTrigger> Triggers { get; init; }
    public ForgeModuleEndpoint? Scheduled { get; init; }
    public ForgeModuleEndpoint? PreUninstall { get; init; }
    /// <summary>UI module key → the module.</summary>
    public required IReadOnlyDictionary<string, ForgeUiModule> UiModules { get; init; }
    /// <summary>Resource key → its folder.</summary>
    public required IReadOnlyDictionary<string, string> Resources { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }

    public static ForgeManifest Load(string path, IReadOnlyDictionary<string, string> variables)
    {
        var text = File.ReadAllText(path);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var declared = Names(Map(yaml.Documents[0].RootNode).Children.TryGetValue("environment", out var env) ? Map(env)["variables"] : null);
        text = Variable().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (!declared.Contains(name))
                return m.Value;
            return variables.TryGetValue(name, out var value) ? value
                : throw new ArgumentException($"The manifest uses ${{{name}}}, and no value was given for it.");
        });
        yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = Map(yaml.Documents[0].RootNode);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var modules = Map(root["modules"]);
        var remote = Map(Seq(root["remotes"]).Single());

        var endpoints = List(modules, "endpoint").ToDictionary(e => Text(e, "key"), e => e.Children.TryGetValue("route", out var route) ? Text(Map(route), "path") : null);
        var triggers = List(modules, "trigger")
            .Select(t => new ForgeTrigger(Text(t, "key"), Text(t, "endpoint"), Seq(t["events"]).Select(e => e.ToString()).ToList(),
                IgnoreSelf: t.Children.TryGetValue("filter", out var filter) && Map(filter).Children.TryGetValue("ignoreSelf", out var ignore) && ignore.ToString() == "true"))
            .ToList();
        var ui = new Dictionary<string, ForgeUiModule>(StringComparer.Ordinal);
        foreach (var type in new[] { "jira:adminPage", "jira:issuePanel" })
            foreach (var module in List(modules, type))
                ui[Text(module, "key")] = new ForgeUiModule(type, Text(module, "key"), Text(module, "title"), Text(module, "resource"), Text(Map(module["resolver"]), "endpoint"));

        return new ForgeManifest
        {
            AppId = Text(Map(root["app"]), "id"),
            RemoteKey = Text(remote, "key"),
            RemoteBaseUrl = new Uri(Text(remote, "baseUrl")),
            Endpoints = endpoints,
            Triggers = triggers,
            Scheduled = List(modules, "scheduledTrigger").Select(s => new ForgeModuleEndpoint(Text(s, "key"), Text(s, "endpoint"))).FirstOrDefault(),
            PreUninstall = List(modules, "preUninstall").Select(s => new ForgeModuleEndpoint(Text(s, "key"), Text(s, "endpoint"))).FirstOrDefault(),
            UiModules = ui,
            Resources = Seq(root["resources"]).Select(Map).ToDictionary(r => Text(r, "key"), r => Path.GetFullPath(Path.Combine(folder, Text(r, "path")))),
            Scopes = Seq(Map(root["permissions"])["scopes"]).Select(s => s.ToString()).ToList(),
        };
    }

    /// <summary>Where Forge POSTs what goes to <paramref name="endpointKey"/> (an endpoint with a route).</summary>
    public Uri EndpointUrl(string endpointKey) =>
        Endpoints.TryGetValue(endpointKey, out var path) && path is not null
            ? new Uri(RemoteBaseUrl.ToString().TrimEnd('/') + path)
            : throw new ArgumentException($"The manifest has no endpoint '{endpointKey}' with a route.");

    private static HashSet<string> Names(YamlNode? variables) =>
        variables is YamlSequenceNode list
            ? list.Select(v => v is YamlMappingNode m ? Text(m, "key") : v.ToString()).ToHashSet(StringComparer.Ordinal)
            : [];

    private static IEnumerable<YamlMappingNode> List(YamlMappingNode modules, string type) =>
        modules.Children.TryGetValue(type, out var list) ? Seq(list).Select(Map) : [];

    private static YamlMappingNode Map(YamlNode node) => (YamlMappingNode)node;
    private static YamlSequenceNode Seq(YamlNode node) => (YamlSequenceNode)node;
    private static string Text(YamlMappingNode node, string key) => node[key].ToString();

    [GeneratedRegex(@"\$\{([a-zA-Z_][a-zA-Z0-9_]*)\}")]
    private static partial Regex Variable();
}
