namespace ConnectAddon.Connect.Jwt;

/// <summary>Which <c>qsh</c> a route accepts.</summary>
public enum QshPolicy
{
    /// <summary>Lifecycle callbacks, webhooks and page loads: the qsh must match this exact request.</summary>
    ExactRequest,

    /// <summary>Our admin API, called from the page's script with <c>AP.context.getToken()</c>: <c>context-qsh</c> (or an exact qsh).</summary>
    ContextAllowed,
}
