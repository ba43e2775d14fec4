using Microsoft.AspNetCore.DataProtection;

namespace DomainFlow.Server.Security;

/// <summary>
/// Encrypts secrets kept at rest (proxy passwords and the like) with the deployment's Data Protection keys.
/// Ciphertext is bound to this purpose, so it cannot be replayed as another kind of protected payload.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider) : Core.ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("DomainFlow.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string ciphertext) => _protector.Unprotect(ciphertext);
}
