using ConnectAddon.Connect.Jwt;

namespace ConnectAddon.Connections.Admin;

/// <summary>
/// Runs <see cref="JiraAdministratorCheck"/> before every route of the <c>/api/admin</c> group, after the group's
/// context-JWT policy has authenticated the caller: no route of the group can forget the check.
/// </summary>
internal sealed class JiraAdministratorFilter(JiraAdministratorCheck check) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = context.HttpContext.Features.Get<JiraCaller>()
            ?? throw new InvalidOperationException("The admin API group must require a Jira context JWT.");
        if (await check.RefusalAsync(caller, context.HttpContext.RequestAborted) is { } refusal)
            return refusal.ToResult();
        return await next(context);
    }
}
