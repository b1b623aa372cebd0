using System.Net;
using System.Text.Json;

namespace ConnectAddon.Tests.Support;

public static class ApiErrorAssert
{
    /// <summary>The answer is the expected 4xx with a JSON body whose message says what was wrong.</summary>
    public static async Task<string> IsRefusal(HttpResponseMessage response, HttpStatusCode status, string? messageContains = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), body);
        using var json = JsonDocument.Parse(body);
        var message = json.RootElement.GetProperty("message").GetString();
        Assert.That(message, Is.Not.Null.And.Not.Empty);
        if (messageContains is not null)
            Assert.That(message, Does.Contain(messageContains).IgnoreCase);
        return message!;
    }
}
