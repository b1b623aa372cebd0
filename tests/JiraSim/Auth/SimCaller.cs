using System.Reflection;
using JiraSim.Model;

namespace JiraSim.Auth;

/// <summary>
/// Who is calling a site's REST API: the site, the acting user, and the app when the call carries a Connect JWT
/// (then the user is the app's own user, accountType "app"). Set by <see cref="SiteRequestMiddleware"/>.
/// </summary>
public sealed record SimCaller(SimSite Site, SimUser User, SimApp? App)
{
    /// <summary>An app calls (a Connect app's JWT, or a Forge app's token): it acts as its own user, accountType "app".</summary>
    public bool IsApp => App is not null || User.AccountType == "app";

    public static ValueTask<SimCaller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<SimCaller?>(context.Features.Get<SimCaller>()
            ?? throw new InvalidOperationException($"{parameter.Name}: not a site REST route."));
}
