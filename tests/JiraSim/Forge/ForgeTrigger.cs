namespace JiraSim.Forge;

/// <summary>A <c>trigger</c> module: the events it subscribes to and the endpoint they go to.</summary>
public sealed record ForgeTrigger(string Key, string Endpoint, IReadOnlyList<string> Events, bool IgnoreSelf);
