using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace DomainFlow.Core.Http;

/// <summary>
/// The favicon hash Shodan indexes (http.favicon.hash): MurmurHash3 x86 32-bit, seed 0, of the icon's base64 text
/// as Python's base64.encodebytes writes it (a newline after every 76 characters and at the end), as a signed int.
/// </summary>
public static class FaviconHash
{
    public static int Compute(ReadOnlySpan<byte> icon)
    {
        var base64 = Convert.ToBase64String(icon);
        var text = new StringBuilder(base64.Length + (base64.Length / 76) + 1);
        for (var i = 0; i < base64.Length; i += 76)
        {
            text.Append(base64, i, Math.Min(76, base64.Length - i)).Append('\n');
        }
        return (int)Murmur3(Encoding.ASCII.GetBytes(text.ToString()), 0);
    }

    /// <summary>MurmurHash3_x86_32 (Austin Appleby's reference algorithm).</summary>
    public static uint Murmur3(ReadOnlySpan<byte> data, uint seed)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        var h = seed;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data[(i * 4)..]);
            k *= c1;
            k = BitOperations.RotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = BitOperations.RotateLeft(h, 13);
            h = (h * 5) + 0xe6546b64;
        }
        var tail = data[(blocks * 4)..];
        uint k1 = 0;
        switch (tail.Length)
        {
            case 3:
                k1 ^= (uint)tail[2] << 16;
                goto case 2;
            case 2:
                k1 ^= (uint)tail[1] << 8;
                goto case 1;
            case 1:
                k1 ^= tail[0];
                k1 *= c1;
                k1 = BitOperations.RotateLeft(k1, 15);
                k1 *= c2;
                h ^= k1;
                break;
        }
        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
