namespace JiraSim.Forge;

/// <summary>A module served by one endpoint (scheduledTrigger, preUninstall).</summary>
public sealed record ForgeModuleEndpoint(string Key, string Endpoint);
