using System.Reflection;
using ConnectAddon.Connect.Tenants;
using ConnectAddon.Forge.Jwt;

namespace ConnectAddon.Forge;

/// <summary>
/// A verified call from Forge, as handlers take it: the token's claims, and the tenant it is for (null when the
/// installation was uninstalled and this call, a late event, does not prove otherwise).
/// </summary>
public sealed record ForgeInvocation(InvocationToken Token, Tenant? Tenant)
{
    public static ValueTask<ForgeInvocation?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<ForgeInvocation?>(context.Features.Get<ForgeInvocation>()
            ?? throw new InvalidOperationException($"Parameter '{parameter.Name}' needs a route group that requires a Forge invocation."));
}
