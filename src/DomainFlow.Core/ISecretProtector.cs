namespace DomainFlow.Core;

/// <summary>Encrypts secrets kept at rest (proxy passwords); every node holding the key ring can read them back.</summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string ciphertext);
}
