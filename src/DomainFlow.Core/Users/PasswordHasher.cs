namespace DomainFlow.Core.Users;

/// <summary>
/// bcrypt at cost 12. The "enhanced" variant pre-hashes with SHA-384 so passwords longer than bcrypt's
/// 72-byte input limit keep every character significant.
/// </summary>
public static class PasswordHasher
{
    public const int Cost = 12;

    private static readonly Lazy<string> Decoy = new(() => Hash(SecretToken.Create().Secret));

    public static string Hash(string password) =>
        BCrypt.Net.BCrypt.EnhancedHashPassword(password, BCrypt.Net.HashType.SHA384, Cost);

    public static bool Verify(string password, string hash)
    {
        try
        {
            return BCrypt.Net.BCrypt.EnhancedVerify(password, hash, BCrypt.Net.HashType.SHA384);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }

    /// <summary>Spends the same time as a real check, so an unknown account cannot be told apart by timing.</summary>
    public static void VerifyDecoy(string password) => Verify(password, Decoy.Value);
}
