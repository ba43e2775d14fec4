using System.Security.Cryptography;
using System.Text;

namespace DomainFlow.Core.Users;

/// <summary>
/// A random 256-bit secret (session id, API token, setup token) and the SHA-256 that is stored instead of it.
/// A fast hash is enough here: unlike passwords, the secrets have full entropy and cannot be guessed.
/// </summary>
public sealed record SecretToken(string Secret, string Hash)
{
    public static SecretToken Create(string prefix = "")
    {
        var secret = prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return new SecretToken(secret, HashOf(secret));
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
