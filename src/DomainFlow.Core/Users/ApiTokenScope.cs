namespace DomainFlow.Core.Users;

/// <summary>What an API token may do: <see cref="Read"/> allows only safe (GET/HEAD) requests.</summary>
public enum ApiTokenScope
{
    Read,
    Write,
}
