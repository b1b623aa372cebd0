namespace JiraSim.Forge;

/// <summary>A UI module with a Custom UI resource and the endpoint its <c>invokeRemote</c> calls reach.</summary>
public sealed record ForgeUiModule(string Type, string Key, string Title, string Resource, string Endpoint);
