using System.Reflection;
using ConnectAddon.Connect.Tenants;

namespace ConnectAddon.Connect.Jwt;

/// <summary>
/// The authenticated origin of a request from Jira: the tenant, and the user when the token names one
/// (<c>sub</c>, an Atlassian account id). Handlers take it as a parameter; the route group's Jira JWT scheme
/// (<see cref="JiraJwtAuthentication"/>) has verified it before binding.
/// </summary>
public sealed record JiraCaller(Tenant Tenant, string? AccountId, bool IsContextToken)
{
    public static ValueTask<JiraCaller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<JiraCaller?>(context.Features.Get<JiraCaller>()
            ?? throw new InvalidOperationException($"Parameter '{parameter.Name}' needs a route group that requires a Jira JWT."));
}
