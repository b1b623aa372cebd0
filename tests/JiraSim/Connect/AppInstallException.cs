namespace JiraSim.Connect;

/// <summary>
/// An install that did not happen: the descriptor could not be fetched or read, or the app answered the
/// <c>installed</c> callback with something other than 200 or 204 (Jira then shows "The app host returned HTTP
/// response code …" and installs nothing). <see cref="Status"/> and <see cref="Body"/> hold the app's answer.
/// </summary>
public sealed class AppInstallException(string message, int? status = null, string? body = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? Status { get; } = status;
    public string? Body { get; } = body;
}
