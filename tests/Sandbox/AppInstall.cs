namespace Sandbox;

/// <summary>How site A installed the public node: as the Forge app (manifest.yml, today's way) or as the Connect app (atlassian-connect.json, sites that already run it).</summary>
public enum AppInstall
{
    Forge,
    Connect,
}
