using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DomainFlow.Testing;

/// <summary>One API caller: a bearer token, a cookie session (with its anti-CSRF token) or nobody.</summary>
public sealed class ApiClient : IDisposable
{
    public ApiClient(Uri url, string? token, bool withCookies = false)
    {
        Token = token;
        Cookies = new CookieContainer();
        Http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, UseCookies = withCookies }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
    }

    public HttpClient Http { get; }

    public string? Token { get; }

    public CookieContainer Cookies { get; }

    /// <summary>Sent as X-CSRF-Token on unsafe requests when set.</summary>
    public string? CsrfToken { get; set; }

    public Guid UserId { get; set; }

    public string Email { get; set; } = "";

    public async Task<(int Status, JsonNode Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var response = await SendRawAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, JsonNode? body = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (CsrfToken is not null && method != HttpMethod.Get)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }
        return await Http.SendAsync(request, completion, ct);
    }

    public async Task<string> CreateCampaignAsync(JsonObject spec)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v2/campaigns", spec);
        if (status != 201)
        {
            throw new InvalidOperationException($"Creating the campaign answered {status}, not 201: {body.ToJsonString()}");
        }
        return body["id"]!.GetValue<string>();
    }

    /// <summary>Polls the API until <paramref name="done"/> holds for the phase (or the timeout passes) and returns it.</summary>
    public async Task<JsonNode> WaitForPhaseAsync(string campaignId, string phase, Func<JsonNode, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var (_, campaign) = await SendAsync(HttpMethod.Get, $"/api/v2/campaigns/{campaignId}");
            var state = campaign["phases"]!.AsArray().First(p => p!["phase"]!.GetValue<string>() == phase)!;
            if (done(state) || DateTime.UtcNow > deadline)
            {
                return state;
            }
            await Task.Delay(50);
        }
    }

    public void Dispose() => Http.Dispose();
}
