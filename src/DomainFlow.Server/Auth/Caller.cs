using System.Reflection;
using DomainFlow.Core.Users;
using DomainFlow.Store.Users;

namespace DomainFlow.Server.Auth;

/// <summary>
/// The authenticated user of this request and how they proved it: a browser session or an API token.
/// Endpoints take it as a parameter; the authentication handler puts it on the request.
/// </summary>
public sealed record Caller(User User, SessionStore.Session? Session, ApiTokenStore.ApiToken? Token, string? CsrfToken)
{
    private static readonly object Key = new();

    public Viewer Viewer => User.AsViewer();

    public bool ViaSession => Session is not null;

    public IReadOnlyList<ApiTokenScope> Scopes => Token?.Scopes ?? [ApiTokenScope.Read, ApiTokenScope.Write];

    internal void Attach(HttpContext http) => http.Items[Key] = this;

    public static Caller? Of(HttpContext http) => http.Items.TryGetValue(Key, out var value) ? value as Caller : null;

    /// <summary>Minimal API binding. Endpoints that take a Caller require authentication, so it is always there.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<Caller?>(Of(http) ?? throw new InvalidOperationException($"{parameter.Member.Name} takes a Caller but allows anonymous requests."));
}
