using System.Text;

namespace DomainFlow.Store.Domains;

/// <summary>
/// Consecutive domain rows (ordinals First, First+1, …) with their names as ASCII bytes in one buffer.
/// Bulk writes bind the bytes directly: no string per name, which scripts/bench-generation showed to matter.
/// </summary>
public sealed class NameBatch
{
    private byte[] _buffer;
    private int[] _ends;

    public NameBatch(long firstOrdinal, int capacity)
    {
        FirstOrdinal = firstOrdinal;
        _ends = new int[Math.Max(capacity, 1)];
        _buffer = new byte[Math.Max(capacity, 1) * 24];
    }

    public long FirstOrdinal { get; }

    public int Count { get; private set; }

    public long OrdinalAt(int index) => FirstOrdinal + index;

    public ReadOnlySpan<byte> NameAt(int index) =>
        _buffer.AsSpan(index == 0 ? 0 : _ends[index - 1], _ends[index] - (index == 0 ? 0 : _ends[index - 1]));

    public string NameStringAt(int index) => Encoding.ASCII.GetString(NameAt(index));

    public void Add(ReadOnlySpan<byte> name)
    {
        var start = Count == 0 ? 0 : _ends[Count - 1];
        if (start + name.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, start + name.Length));
        }
        if (Count == _ends.Length)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }
        name.CopyTo(_buffer.AsSpan(start));
        _ends[Count++] = start + name.Length;
    }

    /// <summary>Names that are already strings (list sources): stored names are ASCII (IDN input became punycode).</summary>
    public void Add(string name)
    {
        Span<byte> ascii = stackalloc byte[name.Length];
        Add(ascii[..Encoding.ASCII.GetBytes(name, ascii)]);
    }
}
