namespace ConnectAddon.Transport;

/// <summary>A connection type a node supports, with its modes: <c>{"type":"private","modes":["basic"]}</c>.</summary>
public sealed record ConnectionTypeInfo(string Type, IReadOnlyList<string> Modes);
