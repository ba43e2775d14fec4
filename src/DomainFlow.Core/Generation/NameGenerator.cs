using System.Text;

namespace DomainFlow.Core.Generation;

/// <summary>
/// Streams the valid names of a pattern in ordinal order from a start ordinal, as ASCII bytes.
/// An odometer over the digits replaces per-name division, and only the characters that changed are
/// rewritten, so one core produces millions of names per second.
/// </summary>
public sealed class NameGenerator
{
    private readonly DomainPattern _pattern;
    private readonly byte[] _charset;
    private readonly byte[][] _tlds;
    private readonly int[] _digits;
    private readonly byte[] _buffer;
    private readonly ulong _end;
    private int _tld;
    private bool _variableValid;
    private int _length;
    private bool _started;

    public NameGenerator(DomainPattern pattern, ulong start, ulong end)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, pattern.Total);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        _pattern = pattern;
        _end = end;
        _charset = Encoding.ASCII.GetBytes(pattern.Charset);
        _tlds = pattern.Tlds.Select(Encoding.ASCII.GetBytes).ToArray();
        _digits = new int[pattern.VariableLength];
        _buffer = new byte[pattern.LabelLength + 1 + _tlds.Max(t => t.Length)];
        Encoding.ASCII.GetBytes(pattern.Constant, _buffer.AsSpan(pattern.PrefixLength));
        _buffer[pattern.LabelLength] = (byte)'.';
        NextOrdinal = start;
        if (start < end)
        {
            pattern.DecomposeOrdinal(start, _digits, out _tld);
            for (var i = 0; i < _digits.Length; i++)
            {
                WriteDigit(i);
            }
            _variableValid = pattern.IsVariablePartValid(_digits);
        }
    }

    /// <summary>The ordinal the next call to <see cref="MoveNext"/> examines first.</summary>
    public ulong NextOrdinal { get; private set; }

    /// <summary>Ordinal of <see cref="Current"/>.</summary>
    public ulong CurrentOrdinal { get; private set; }

    /// <summary>Invalid names passed over so far.</summary>
    public long Skipped { get; private set; }

    /// <summary>ASCII bytes of the current name; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(0, _length);

    public string CurrentName => Encoding.ASCII.GetString(_buffer, 0, _length);

    /// <summary>Advances to the next valid name before the end ordinal.</summary>
    public bool MoveNext()
    {
        while (NextOrdinal < _end)
        {
            if (_started)
            {
                Advance();
            }
            _started = true;
            var ordinal = NextOrdinal++;
            if (_variableValid && _pattern.IsTldUsable(_tld))
            {
                var tld = _tlds[_tld];
                tld.CopyTo(_buffer, _pattern.LabelLength + 1);
                _length = _pattern.LabelLength + 1 + tld.Length;
                CurrentOrdinal = ordinal;
                return true;
            }
            Skipped++;
        }
        return false;
    }

    private void Advance()
    {
        if (++_tld < _tlds.Length)
        {
            return;
        }
        _tld = 0;
        for (var i = _digits.Length - 1; i >= 0; i--)
        {
            var carry = ++_digits[i] == _charset.Length;
            if (carry)
            {
                _digits[i] = 0;
            }
            WriteDigit(i);
            if (!carry)
            {
                break;
            }
        }
        _variableValid = _pattern.IsVariablePartValid(_digits);
    }

    private void WriteDigit(int index) => _buffer[_pattern.LabelPositionOfVariable(index)] = _charset[_digits[index]];
}
