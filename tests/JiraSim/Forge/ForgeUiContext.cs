using System.Text.Json.Nodes;
using JiraSim.Model;

namespace JiraSim.Forge;

/// <summary>One UI module opened for a user: what its bridge answers and on whose behalf its calls are made.</summary>
public sealed record ForgeUiContext(string Id, ForgeInstall Install, ForgeUiModule Module, SimUser User, JsonObject Extension);
