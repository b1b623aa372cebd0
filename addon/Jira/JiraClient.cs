using System.Net.Http.Headers;
using System.Text.Json;

namespace ConnectAddon.Jira;

/// <summary>
/// The typed Jira client for one site (<see cref="Target"/>), split by REST area into partial files: Jira Cloud's REST
/// v3, or Jira Data Center's REST v2 when the target is one (<see cref="JiraFlavour"/>); callers see one API, with rich
/// text as ADF either way, and the Data Center differences live in <c>JiraClient.DataCenter.cs</c>.
/// Get one from <see cref="JiraClientFactory"/>. Every call returns a <see cref="JiraResult{T}"/>: HTTP failures are
/// values, never exceptions; only the caller's cancellation and programming errors throw. Retries, timeouts and the
/// per-site circuit breaker live in the HTTP client's pipeline (<see cref="Resilience.JiraResiliencePipeline"/>).
/// </summary>
public sealed partial class JiraClient
{
    private readonly HttpClient http;
    private readonly ILogger logger;
    private readonly TimeProvider clock;
    private readonly JiraPeopleNames people;

    internal JiraClient(HttpClient http, JiraTarget target, ILogger logger, TimeProvider clock, JiraPeopleNames people)
    {
        this.http = http;
        this.logger = logger;
        this.clock = clock;
        this.people = people;
        Target = target;
    }

    public JiraTarget Target { get; }

    private bool IsDataCenter => Target.Flavour == JiraFlavour.DataCenter;

    /// <summary>The REST API's root below the base URL: Data Center has only v2 (with wiki markup), Cloud's rich text is v3.</summary>
    private string Rest => IsDataCenter ? "rest/api/2/" : "rest/api/3/";

    private HttpRequestMessage NewRequest(HttpMethod method, string relativePathAndQuery, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, Target.Resolve(relativePathAndQuery)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(JiraRequestOptions.Target, Target);
        if (Target.Tenant is { } tenant)
            request.Options.Set(JiraRequestOptions.Tenant, tenant);
        return request;
    }

    /// <summary>Sends the request and reads its JSON answer as <typeparamref name="T"/>. Disposes the request.</summary>
    private async Task<JiraResult<T>> ReadAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
            return await ReadWithoutDisposingAsync<T>(request, cancellationToken);
    }

    /// <summary>For requests whose content the caller owns (an upload's stream): disposing the request would close it.</summary>
    private async Task<JiraResult<T>> ReadWithoutDisposingAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!sent.IsSuccess)
            return sent.Error;
        using var response = sent.Value;
        string detail;
        try
        {
            if (await response.Content.ReadFromJsonAsync<T>(JiraJson.Options, cancellationToken) is { } value)
                return JiraResult<T>.Success(value);
            detail = "empty";
        }
        catch (JsonException e)
        {
            detail = e.Message;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            detail = e.Message;
        }
        return Failed(request, JiraFailures.Unreadable(request, response, detail));
    }

    /// <summary>Sends a request whose answer carries nothing we need (204, or 200/201 of a property write).</summary>
    private async Task<JiraResult> ExecuteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var sent = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (!sent.IsSuccess)
                return sent.Error;
            sent.Value.Dispose();
            return JiraResult.Success;
        }
    }

    /// <summary>
    /// The one place a request leaves: a success response is returned (the caller disposes it); a failure status or
    /// an exception of the pipeline becomes a <see cref="JiraError"/>. The caller's cancellation propagates.
    /// </summary>
    private async Task<JiraResult<HttpResponseMessage>> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        if (Target.Access == JiraSiteAccess.ForgeApp && Target.Credentials is null)
            return Failed(request, new JiraError
            {
                Kind = JiraErrorKind.AppTokenUnavailable,
                Message = "Waiting for a fresh app token from Forge: the site installed the app through Forge, and Forge hands one out with each call " +
                          "(a page of the app opened in Jira, an issue event, the hourly scheduled call). Nothing was sent; it is tried again.",
            });
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && JiraFailures.FromException(request, e) is { } error)
        {
            return Failed(request, error);
        }

        if (response.IsSuccessStatusCode)
            return response;
        using (response)
        {
            var error = await JiraFailures.FromResponseAsync(request, response, clock, cancellationToken);
            // A 401 to the app token: Forge revoked it before its time (a reinstall, a rotation). Jira did nothing with
            // the request; the next token Forge hands out is the way on, so the work waits for it rather than failing.
            if (Target.Access == JiraSiteAccess.ForgeApp && error.Kind == JiraErrorKind.Unauthorized)
                error = new JiraError
                {
                    Kind = JiraErrorKind.AppTokenUnavailable,
                    Status = error.Status,
                    Message = error.Message + ". Jira refused the Forge app token (revoked or expired early): waiting for a fresh app token from Forge, " +
                              "which comes with its next call (a page of the app opened in Jira, an issue event, the hourly scheduled call); it is tried again.",
                };
            return Failed(request, error);
        }
    }

    private JiraError Failed(HttpRequestMessage request, JiraError error)
    {
        logger.LogDebug("Jira request {Method} {Url} failed: {Kind} {Status} {Message}",
            request.Method, request.RequestUri?.GetLeftPart(UriPartial.Path), error.Kind, error.Status, error.Message);
        return error;
    }
}
