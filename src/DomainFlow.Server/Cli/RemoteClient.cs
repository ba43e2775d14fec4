using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DomainFlow.Core;

namespace DomainFlow.Server.Cli;

/// <summary>Talks to a running server's API for the remote CLI verbs; turns problem details into one-line errors.</summary>
public sealed class RemoteClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="token">Sent as a bearer token on every request.</param>
    /// <param name="cookies">For the login flow, which works with a short-lived session instead.</param>
    public RemoteClient(Uri server, string? token, System.Net.CookieContainer? cookies = null)
    {
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies ?? new System.Net.CookieContainer(), UseCookies = cookies is not null })
        {
            BaseAddress = server,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>The session's anti-CSRF token, sent on unsafe requests once set.</summary>
    public string? CsrfToken { get; set; }

    /// <param name="Code">The problem's code, when the server answered with one (e.g. mfa_required).</param>
    public sealed class RemoteException(string message, string? code = null) : Exception(message)
    {
        public string? Code { get; } = code;
    }

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        if (CsrfToken is not null && method != HttpMethod.Get)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public Task<JsonNode> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonNode> PostJsonAsync(string path, JsonNode? body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, options: DomainFlowJson.Options), ct);

    /// <summary>Sends and checks the status; the caller reads (and disposes) the streaming response.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, ct);
        }
        catch (HttpRequestException e)
        {
            throw new RemoteException($"cannot reach {_http.BaseAddress}: {e.Message}");
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new RemoteException(Describe((int)response.StatusCode, text), ProblemCode(text));
        }
    }

    private static string? ProblemCode(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["code"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(int status, string body)
    {
        try
        {
            var problem = JsonNode.Parse(body);
            var detail = problem?["detail"]?.GetValue<string>() ?? problem?["title"]?.GetValue<string>();
            var code = problem?["code"]?.GetValue<string>();
            var hint = status == 401 && code == "authentication_required" ? "; sign in with 'domainflow login --server URL' or pass --token" : "";
            return $"{detail ?? "request failed"} (HTTP {status}{(code is null ? "" : ", " + code)}){hint}";
        }
        catch (JsonException)
        {
            return $"request failed with HTTP {status}";
        }
    }

    public void Dispose() => _http.Dispose();
}
