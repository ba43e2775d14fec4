using System.Text;
using DomainFlow.Core.Users;

namespace DomainFlow.Tests.Users;

public sealed class TotpTests
{
    private static readonly string RfcSecret = Totp.ToBase32(Encoding.ASCII.GetBytes("12345678901234567890"));

    [Theory] // RFC 6238 appendix B (SHA-1), the last six of its eight digits
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    [InlineData(20000000000, "353130")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string code) =>
        Assert.Equal(code, Totp.Code(RfcSecret, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));

    [Fact]
    public void Base32_is_rfc_4648_and_round_trips()
    {
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", RfcSecret);
        Assert.Equal("MZXW6YTBOI", Totp.ToBase32("foobar"u8));
        Assert.Equal("foobar"u8.ToArray(), Totp.FromBase32("mzxw 6ytb oi======"));
        var secret = Totp.NewSecret();
        Assert.Equal(32, secret.Length);
        Assert.Equal(secret, Totp.ToBase32(Totp.FromBase32(secret)));
        Assert.Throws<FormatException>(() => Totp.FromBase32("ABC1"));
    }

    [Fact]
    public void A_code_matches_its_step_and_the_neighbours_only()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = Totp.StepAt(now);

        Assert.Equal(step, Totp.Match(RfcSecret, Totp.Code(RfcSecret, step), now));
        Assert.Equal(step - 1, Totp.Match(RfcSecret, Totp.Code(RfcSecret, step - 1), now));
        Assert.Equal(step + 1, Totp.Match(RfcSecret, " " + Totp.Code(RfcSecret, step + 1)[..3] + " " + Totp.Code(RfcSecret, step + 1)[3..], now));
        Assert.Null(Totp.Match(RfcSecret, Totp.Code(RfcSecret, step - 2), now));
        Assert.Null(Totp.Match(RfcSecret, "12345", now));
        Assert.Null(Totp.Match(RfcSecret, "abcdef", now));
        Assert.Null(Totp.Match(RfcSecret, null, now));
        Assert.StartsWith("otpauth://totp/DomainFlow:a%40example.test?secret=" + RfcSecret, Totp.OtpAuthUri("DomainFlow", "a@example.test", RfcSecret), StringComparison.Ordinal);
    }
}
