using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DomainFlow.Core.Keywords;

/// <summary>Receives the automaton's matches without a delegate call per match.</summary>
internal interface IMatchSink
{
    void Found(int end, int rule, int length);
}

/// <summary>
/// Literal rules of one case mode as an Aho-Corasick automaton turned into a full DFA over character classes: one
/// table lookup per character of text, whatever the number of rules. Case-insensitive automata fold each character
/// to its upper-case invariant form when classes are assigned, so "Sale" and "SALE" are one class sequence.
/// </summary>
/// <remarks>
/// Written here instead of using SearchValues&lt;string&gt; because scripts/bench-keywords measured it as the
/// bottleneck: with 200 keywords SearchValues runs its Aho-Corasick fallback at 86 MB/s (Teddy, split into chunks
/// of 64, 33 MB/s: letter-only fingerprints match too often) against ripgrep's 390 MB/s; this table runs several
/// times faster. SearchValues stays the scanner for sets whose table would be too large (see <see cref="TryCreate"/>).
/// </remarks>
internal sealed class LiteralAutomaton
{
    /// <summary>Texts from this length are walked as two halves at once (see Scan).</summary>
    private const int TwoWalkMinLength = 2048;

    /// <summary>Table entries (states × classes) above which building is refused: 16 M ints, 64 MB.</summary>
    private const long MaxTableEntries = 16L << 20;

    private readonly bool _ignoreCase;
    private readonly int[] _asciiClass = new int[128];
    private readonly Dictionary<char, int> _otherClass;
    private readonly int _shift;
    private readonly int[] _delta;

    /// <summary>The same table in 16 bits when every row offset fits: half the cache footprint, measurably faster.</summary>
    private readonly ushort[]? _delta16;
    private readonly (int Rule, int Length)[]?[] _outputs;
    private readonly int _maxLength;

    private LiteralAutomaton(bool ignoreCase, Dictionary<char, int> otherClass, int shift, int[] delta, (int, int)[]?[] outputs, int[] asciiClass, int maxLength)
    {
        _maxLength = maxLength;
        _ignoreCase = ignoreCase;
        _otherClass = otherClass;
        _shift = shift;
        _delta = delta;
        _delta16 = delta.Length <= ushort.MaxValue + 1 ? Array.ConvertAll(delta, d => (ushort)d) : null;
        _outputs = outputs;
        _asciiClass = asciiClass;
    }

    /// <summary>The automaton, or null when its table would exceed <see cref="MaxTableEntries"/>.</summary>
    public static LiteralAutomaton? TryCreate(IReadOnlyList<(int Rule, string Pattern)> literals, bool ignoreCase)
    {
        // Class 0 is every character no pattern uses.
        var asciiClass = new int[128];
        var otherClass = new Dictionary<char, int>();
        var classes = 1;
        var totalLength = 0L;
        foreach (var (_, pattern) in literals)
        {
            totalLength += pattern.Length;
            foreach (var raw in pattern)
            {
                var c = Fold(raw, ignoreCase);
                if (ClassOf(c, asciiClass, otherClass) != 0)
                {
                    continue;
                }
                var id = classes++;
                if (c < 128)
                {
                    asciiClass[c] = id;
                    if (ignoreCase && char.IsAsciiLetterUpper(c))
                    {
                        asciiClass[char.ToLowerInvariant(c)] = id;
                    }
                }
                else
                {
                    otherClass[c] = id;
                }
            }
        }
        if ((totalLength + 1) * classes > MaxTableEntries)
        {
            return null;
        }

        // The trie.
        var children = new List<int[]> { NewRow(classes) };
        var ownOutputs = new List<List<(int, int)>?> { null };
        foreach (var (rule, pattern) in literals)
        {
            var state = 0;
            foreach (var raw in pattern)
            {
                var cls = ClassOf(Fold(raw, ignoreCase), asciiClass, otherClass);
                if (children[state][cls] < 0)
                {
                    children[state][cls] = children.Count;
                    children.Add(NewRow(classes));
                    ownOutputs.Add(null);
                }
                state = children[state][cls];
            }
            (ownOutputs[state] ??= []).Add((rule, pattern.Length));
        }

        // Failure links breadth first, completing every missing transition into the DFA table as we go.
        var states = children.Count;
        // Rows are padded to a power of two: a state's row offset is state << shift, its low bits are free.
        var shift = Math.Max(1, BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)classes)));
        if ((long)states << shift > MaxTableEntries)
        {
            return null;
        }
        var delta = new int[states << shift];
        var fail = new int[states];
        var outputs = new (int, int)[]?[states];
        var queue = new Queue<int>();
        outputs[0] = ownOutputs[0]?.ToArray();
        for (var c = 0; c < classes; c++)
        {
            var next = children[0][c];
            delta[c] = Math.Max(next, 0);
            if (next > 0)
            {
                fail[next] = 0;
                queue.Enqueue(next);
            }
        }
        while (queue.TryDequeue(out var state))
        {
            var inherited = outputs[fail[state]];
            var own = ownOutputs[state];
            outputs[state] = own is null ? inherited : inherited is null ? [.. own] : [.. own, .. inherited];
            for (var c = 0; c < classes; c++)
            {
                var next = children[state][c];
                if (next >= 0)
                {
                    fail[next] = delta[(fail[state] << shift) + c];
                    delta[(state << shift) + c] = next;
                    queue.Enqueue(next);
                }
                else
                {
                    delta[(state << shift) + c] = delta[(fail[state] << shift) + c];
                }
            }
        }
        // Entries become the target's row offset, with bit 0 set when the target completes a pattern: the scan then
        // needs one load and one bit test per character, no multiply, no second lookup.
        for (var i = 0; i < delta.Length; i++)
        {
            var target = delta[i];
            delta[i] = (target << shift) | (outputs[target] is null ? 0 : 1);
        }
        return new LiteralAutomaton(ignoreCase, otherClass, shift, delta, outputs, asciiClass, literals.Max(l => l.Pattern.Length));
    }

    /// <summary>Reports every occurrence (end position exclusive, rule, length), overlapping ones included.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IMatchSink, allows ref struct
    {
        if (_delta16 is not null)
        {
            Scan(text, _delta16, ref sink);
        }
        else
        {
            Scan(text, _delta, ref sink);
        }
    }

    private void Scan<TEntry, TSink>(ReadOnlySpan<char> text, TEntry[] table, ref TSink sink)
        where TEntry : unmanaged, IBinaryInteger<TEntry>
        where TSink : struct, IMatchSink, allows ref struct
    {
        if (text.Length < TwoWalkMinLength)
        {
            var row = 0;
            for (var i = 0; i < text.Length; i++)
            {
                Step(text, i, table, ref row, ref sink);
            }
            return;
        }

        // Each step's table load depends on the previous step's, so one walk waits out a cache latency per character.
        // Two independent walks, over the two halves, overlap their loads (scripts/bench-keywords: ~1.6x per thread).
        // The second walk starts maxLength - 1 characters early: by the middle its state equals the single walk's,
        // because every pattern ending there fits in that run-in. Its matches are held back and reported after the
        // first half's, so the sink sees exactly the single walk's sequence (it counts non-overlapping occurrences).
        var mid = text.Length / 2;
        var secondStart = Math.Max(0, mid - (_maxLength - 1));
        var first = 0;
        var second = 0;
        var held = new HeldMatches(mid);
        for (var i = 0; i < mid; i++)
        {
            Step(text, i, table, ref first, ref sink);
            Step(text, secondStart + i, table, ref second, ref held);
        }
        for (var i = secondStart + mid; i < text.Length; i++)
        {
            Step(text, i, table, ref second, ref held);
        }
        held.ReplayTo(ref sink);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step<TEntry, TSink>(ReadOnlySpan<char> text, int i, TEntry[] table, ref int row, ref TSink sink)
        where TEntry : unmanaged, IBinaryInteger<TEntry>
        where TSink : struct, IMatchSink, allows ref struct
    {
        // Unchecked reads: every entry is a valid row offset by construction, every class below the row width.
        var c = Unsafe.Add(ref MemoryMarshal.GetReference(text), i);
        var cls = c < 128 ? Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_asciiClass), c) : NonAsciiClass(c);
        var next = int.CreateTruncating(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), row + cls));
        row = next & ~1;
        if (next != row)
        {
            foreach (var (rule, length) in _outputs[row >> _shift]!)
            {
                sink.Found(i + 1, rule, length);
            }
        }
    }

    /// <summary>The second walk's matches past the middle, kept in order until the first walk's are reported.</summary>
    private struct HeldMatches(int mid) : IMatchSink
    {
        private List<(int End, int Rule, int Length)>? _matches;

        public void Found(int end, int rule, int length)
        {
            // Matches ending in the first half belong to the first walk (the run-in repeats them).
            if (end > mid)
            {
                (_matches ??= []).Add((end, rule, length));
            }
        }

        public readonly void ReplayTo<TSink>(ref TSink sink)
            where TSink : struct, IMatchSink, allows ref struct
        {
            foreach (var (end, rule, length) in _matches ?? [])
            {
                sink.Found(end, rule, length);
            }
        }
    }

    private int NonAsciiClass(char c)
    {
        var folded = Fold(c, _ignoreCase);
        // Some non-ASCII letters fold into ASCII ('ı' to 'I'), as OrdinalIgnoreCase compares them.
        return folded < 128 ? _asciiClass[folded] : _otherClass.GetValueOrDefault(folded);
    }

    private static char Fold(char c, bool ignoreCase) => ignoreCase ? char.ToUpperInvariant(c) : c;

    private static int ClassOf(char c, int[] ascii, Dictionary<char, int> other) => c < 128 ? ascii[c] : other.GetValueOrDefault(c);

    private static int[] NewRow(int classes)
    {
        var row = new int[classes];
        Array.Fill(row, -1);
        return row;
    }
}
