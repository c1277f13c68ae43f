package dev.garden.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable set of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges. Regular-expression
 * classes are built from these, then rendered as GBNF for the JSON-encoded form of each member.
 */
final class CharSet {
    static final int MAX = 0x10FFFF;
    static final CharSet EMPTY = new CharSet(new int[0]);
    static final CharSet ALL = range(0, MAX);
    static final CharSet DIGITS = range('0', '9');
    static final CharSet WORD = of(range('a', 'z'), range('A', 'Z'), DIGITS, single('_'));
    /** The whitespace every regex dialect agrees on: ECMA-262 and Python add different Unicode spaces beyond it. */
    static final CharSet SPACE = of(single(' '), range('\t', '\r'));
    /**
     * Every character some dialect counts as whitespace (ECMA-262's list, Python's extra {@code \x1c-\x1f} and
     * {@code \x85}): {@code \S} excludes them all, so what it admits is non-space in every dialect.
     */
    static final CharSet ANY_SPACE = of(SPACE, range(0x1C, 0x1F), single(0x85), single(0xA0), single(0x1680),
            range(0x2000, 0x200A), range(0x2028, 0x2029), single(0x202F), single(0x205F), single(0x3000),
            single(0xFEFF));
    /** ECMA-262's {@code .} without the {@code s} flag: anything but a line terminator (Python's is a superset). */
    static final CharSet DOT = ALL.minus(of(single('\n'), single('\r'), range(0x2028, 0x2029)));
    /** The characters JSON requires to be escaped inside a string. */
    static final CharSet JSON_MUST_ESCAPE = of(range(0, 0x1F), single('"'), single('\\'));
    static final CharSet ASCII = range(0, 0x7F);

    /** Pairs of inclusive bounds: lo0, hi0, lo1, hi1, ... */
    private final int[] bounds;

    private CharSet(int[] bounds) {
        this.bounds = bounds;
    }

    static CharSet single(int c) {
        return range(c, c);
    }

    static CharSet range(int lo, int hi) {
        if (lo > hi) {
            return EMPTY;
        }
        return new CharSet(new int[]{lo, hi});
    }

    static CharSet of(CharSet... sets) {
        CharSet result = EMPTY;
        for (CharSet set : sets) {
            result = result.union(set);
        }
        return result;
    }

    boolean isEmpty() {
        return bounds.length == 0;
    }

    boolean contains(int c) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (c >= bounds[i] && c <= bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The only member, or -1 when the set has none or several. */
    int singleMember() {
        return bounds.length == 2 && bounds[0] == bounds[1] ? bounds[0] : -1;
    }

    CharSet union(CharSet other) {
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            ranges.add(new int[]{bounds[i], bounds[i + 1]});
        }
        for (int i = 0; i < other.bounds.length; i += 2) {
            ranges.add(new int[]{other.bounds[i], other.bounds[i + 1]});
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Integer> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int last = merged.size() - 1;
            // Adjacent ranges merge too, so equal sets always have equal bounds.
            if (last > 0 && r[0] <= merged.get(last) + 1) {
                merged.set(last, Math.max(merged.get(last), r[1]));
            } else {
                merged.add(r[0]);
                merged.add(r[1]);
            }
        }
        return new CharSet(merged.stream().mapToInt(Integer::intValue).toArray());
    }

    CharSet complement() {
        List<Integer> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > next) {
                out.add(next);
                out.add(bounds[i] - 1);
            }
            next = bounds[i + 1] + 1;
        }
        if (next <= MAX) {
            out.add(next);
            out.add(MAX);
        }
        return new CharSet(out.stream().mapToInt(Integer::intValue).toArray());
    }

    CharSet minus(CharSet other) {
        return complement().union(other).complement();
    }

    CharSet intersect(CharSet other) {
        return complement().union(other.complement()).complement();
    }

    /** The ranges as pairs, for rendering. */
    int[] bounds() {
        return bounds.clone();
    }

    /** How many code points the set holds. */
    long size() {
        long n = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            n += bounds[i + 1] - bounds[i] + 1L;
        }
        return n;
    }

    /**
     * The set as one GBNF character class, {@code [..]} or {@code [^..]}, whichever lists fewer ranges. The
     * negated form leans on llama.cpp's matching: {@code [^..]} admits every code point not listed.
     */
    String toGbnfClass() {
        if (isEmpty()) {
            throw new IllegalStateException("empty character class");
        }
        CharSet complement = complement();
        if (!complement.isEmpty() && complement.bounds.length < bounds.length) {
            return "[^" + rangesText(complement) + "]";
        }
        return "[" + rangesText(this) + "]";
    }

    private static String rangesText(CharSet set) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < set.bounds.length; i += 2) {
            out.append(Gbnf.classChar(set.bounds[i]));
            if (set.bounds[i + 1] != set.bounds[i]) {
                out.append('-').append(Gbnf.classChar(set.bounds[i + 1]));
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharSet other && java.util.Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return isEmpty() ? "[]" : toGbnfClass();
    }
}
