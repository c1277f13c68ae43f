package dev.garden.grammar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Grammars for numbers within bounds, built digit by digit so the bounds hold exactly.
 *
 * <p>Integers: {@code [L, U]} becomes alternatives per digit count, each a digit-by-digit range ({@code [5, 250]}
 * is {@code [5-9] | [1-9][0-9] | "1"[0-9][0-9] | "2"([0-4][0-9] | "50")}); an open end stops at 16 digits.
 *
 * <p>Numbers with bounds are written in plain decimal notation (no exponent) with at most 15 significant digits:
 * the integer part is ranged like an integer, and where it equals a bound's integer part the fraction is compared
 * with the bound's fraction digit by digit. Fifteen digits is what an IEEE double keeps exactly (DBL_DIG), so a
 * validator that parses to doubles orders the output as the grammar does, strict bounds included; bounds with more
 * significant digits, or beyond 10^15, are refused for the same reason.
 */
final class NumberRules {
    /** Significant digits a bounded number may have; see the class comment. */
    static final int MAX_DECIMAL_DIGITS = 15;
    private static final BigDecimal DECIMAL_LIMIT = BigDecimal.TEN.pow(MAX_DECIMAL_DIGITS);
    /** Integer bounds longer than this are refused: nothing reads such integers the same way everywhere. */
    static final int MAX_BOUND_DIGITS = 40;

    private NumberRules() {
    }

    /**
     * Integers in {@code [lo, hi]}; either end may be null for unbounded.
     *
     * @return the expression, or null when no integer lies in the range
     */
    static String integers(BigInteger lo, BigInteger hi) {
        if (lo != null && hi != null && lo.compareTo(hi) > 0) {
            return null;
        }
        List<String> alternatives = new ArrayList<>();
        if (hi == null || hi.signum() >= 0) {
            BigInteger from = lo == null ? BigInteger.ZERO : lo.max(BigInteger.ZERO);
            alternatives.add(naturals(from, hi));
        }
        if (lo == null || lo.signum() < 0) {
            BigInteger closestToZero = hi == null ? BigInteger.ONE.negate() : hi.min(BigInteger.ONE.negate());
            if (lo == null || lo.compareTo(closestToZero) <= 0) {
                alternatives.add("\"-\" " + group(naturals(closestToZero.negate(), lo == null ? null : lo.negate())));
            }
        }
        return String.join(" | ", alternatives);
    }

    /** Non-negative integers in {@code [lo, hi]} without leading zeros; {@code hi} null stops at 16 digits. */
    private static String naturals(BigInteger lo, BigInteger hi) {
        String low = lo.toString();
        int maxLength = hi == null ? Math.max(JsonRules.MAX_INTEGER_DIGITS, low.length()) : hi.toString().length();
        List<String> alternatives = new ArrayList<>();
        for (int length = low.length(); length <= maxLength; length++) {
            String a = length == low.length() ? low : "1" + "0".repeat(length - 1);
            if (hi == null && length > low.length()) {
                // Every number of every longer length: one alternative covers them all.
                alternatives.add("[1-9] " + Gbnf.repeat("[0-9]", length - 1, maxLength - 1));
                break;
            }
            String b = hi != null && length == maxLength ? hi.toString() : "9".repeat(length);
            alternatives.add(sameLength(a, b));
        }
        return String.join(" | ", alternatives);
    }

    /** Digit strings of one length between {@code a} and {@code b} inclusive ({@code a <= b}). */
    static String sameLength(String a, String b) {
        if (a.isEmpty()) {
            return "";
        }
        if (a.equals(b)) {
            return Gbnf.literal(a);
        }
        int common = 0;
        while (a.charAt(common) == b.charAt(common)) {
            common++;
        }
        int rest = a.length() - common - 1;
        char x = a.charAt(common);
        char y = b.charAt(common);
        String tailA = a.substring(common + 1);
        String tailB = b.substring(common + 1);
        boolean lowFull = tailA.chars().allMatch(ch -> ch == '0');
        boolean highFull = tailB.chars().allMatch(ch -> ch == '9');
        List<String> alternatives = new ArrayList<>();
        if (!lowFull) {
            alternatives.add(then(Character.toString(x), sameLength(tailA, "9".repeat(rest))));
        }
        char midLow = lowFull ? x : (char) (x + 1);
        char midHigh = highFull ? y : (char) (y - 1);
        if (midLow <= midHigh) {
            String digit = midLow == midHigh ? Gbnf.literal(Character.toString(midLow)) : "[" + midLow + "-" + midHigh + "]";
            alternatives.add(rest == 0 ? digit : digit + " " + Gbnf.repeat("[0-9]", rest, rest));
        }
        if (!highFull) {
            alternatives.add(then(Character.toString(y), sameLength("0".repeat(rest), tailB)));
        }
        String body = String.join(" | ", alternatives);
        return common == 0 ? body : then(a.substring(0, common), body);
    }

    /** Digits, then an expression; "5" then "0" is written "50". */
    private static String then(String digits, String expression) {
        if (expression.matches("\"[0-9]+\"")) {
            return Gbnf.literal(digits + expression.substring(1, expression.length() - 1));
        }
        return Gbnf.literal(digits) + " " + group(expression);
    }

    /** Whether a bound can be enforced exactly on a {@code number}: see the class comment. */
    static boolean decimalBoundSupported(BigDecimal bound) {
        return bound.abs().compareTo(DECIMAL_LIMIT) < 0
                && (bound.signum() == 0 || bound.stripTrailingZeros().precision() <= MAX_DECIMAL_DIGITS);
    }

    /**
     * Decimal numbers between two bounds; either may be null for unbounded, each inclusive or exclusive.
     *
     * @return the expression, or null when the range holds no number
     */
    static String decimals(BigDecimal lo, boolean loInclusive, BigDecimal hi, boolean hiInclusive) {
        List<String> alternatives = new ArrayList<>();
        if (hi == null || hi.signum() > 0 || (hi.signum() == 0 && hiInclusive)) {
            boolean fromZero = lo == null || lo.signum() < 0;
            String nonNegative = magnitudes(fromZero ? BigDecimal.ZERO : lo, fromZero || loInclusive, hi, hiInclusive);
            if (nonNegative != null) {
                alternatives.add(nonNegative);
            }
        }
        if (lo == null || lo.signum() < 0) {
            // x < 0 is "-" then m = -x > 0, so the bounds swap; zero itself comes from the branch above.
            boolean toZero = hi == null || hi.signum() >= 0;
            String negative = magnitudes(toZero ? BigDecimal.ZERO : hi.negate(), !toZero && hiInclusive,
                    lo == null ? null : lo.negate(), loInclusive);
            if (negative != null) {
                alternatives.add("\"-\" " + group(negative));
            }
        }
        return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
    }

    /** Non-negative decimals between {@code lo >= 0} and {@code hi} (null: below 10^15). */
    private static String magnitudes(BigDecimal lo, boolean loInclusive, BigDecimal hi, boolean hiInclusive) {
        if (hi != null) {
            int order = lo.compareTo(hi);
            if (order > 0 || (order == 0 && !(loInclusive && hiInclusive))) {
                return null;
            }
        }
        BigInteger a = lo.toBigInteger();
        String fractionLow = fractionDigits(lo);
        List<String> alternatives = new ArrayList<>();
        if (hi != null && a.equals(hi.toBigInteger())) {
            addWithFraction(alternatives, a, new Fraction(fractionLow, loInclusive, fractionDigits(hi), hiInclusive,
                    fractionCap(a.toString().length()), true, true));
            return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
        }
        addWithFraction(alternatives, a, new Fraction(fractionLow, loInclusive, "", true,
                fractionCap(a.toString().length()), true, false));
        BigInteger b = hi == null ? null : hi.toBigInteger();
        BigInteger from = a.add(BigInteger.ONE);
        BigInteger to = b == null ? BigInteger.TEN.pow(MAX_DECIMAL_DIGITS).subtract(BigInteger.ONE)
                : b.subtract(BigInteger.ONE);
        if (from.compareTo(to) <= 0) {
            alternatives.add(freeFractions(from, to));
        }
        if (b != null) {
            addWithFraction(alternatives, b, new Fraction("", true, fractionDigits(hi), hiInclusive,
                    fractionCap(b.toString().length()), false, true));
        }
        return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
    }

    private static void addWithFraction(List<String> alternatives, BigInteger integerPart, Fraction fraction) {
        String tail = fraction.expression();
        if (tail != null) {
            String head = Gbnf.literal(integerPart.toString());
            alternatives.add(tail.isEmpty() ? head : head + " " + tail);
        }
    }

    /** Integer parts in {@code [from, to]}, each with any fraction its length leaves room for. */
    private static String freeFractions(BigInteger from, BigInteger to) {
        List<String> alternatives = new ArrayList<>();
        int toLength = to.toString().length();
        for (int length = from.toString().length(); length <= toLength; length++) {
            String a = length == from.toString().length() ? from.toString() : "1" + "0".repeat(length - 1);
            String b = length == toLength ? to.toString() : "9".repeat(length);
            int cap = fractionCap(length);
            String digits = group(sameLength(a, b));
            alternatives.add(cap == 0 ? digits : digits + " ( \".\" " + Gbnf.repeat("[0-9]", 1, cap) + " )?");
        }
        return String.join(" | ", alternatives);
    }

    private static int fractionCap(int integerDigits) {
        return Math.max(0, MAX_DECIMAL_DIGITS - integerDigits);
    }

    /** The digits after the decimal point without trailing zeros; empty for an integer. */
    private static String fractionDigits(BigDecimal value) {
        BigDecimal fraction = value.subtract(new BigDecimal(value.toBigInteger())).stripTrailingZeros();
        if (fraction.signum() == 0) {
            return "";
        }
        return fraction.toPlainString().substring(2);
    }

    /**
     * The optional fraction after an integer part that equals a bound's: the fraction digits f (absent means 0)
     * compared with the low bound's digits {@code low} and the high bound's {@code high}, as decimals padded with
     * zeros. {@code tightLow}/{@code tightHigh} say the digits so far equal that bound's; once they differ, the
     * rest is free.
     */
    private record Fraction(String low, boolean lowInclusive, String high, boolean highInclusive, int cap,
                            boolean tightLow, boolean tightHigh) {
        /** The GBNF for the fraction part, "" for none, or null when no fraction satisfies the bounds. */
        String expression() {
            boolean stop = canStop(0, tightLow, tightHigh);
            String digits = digits(0, tightLow, tightHigh);
            if (digits == null) {
                return stop ? "" : null;
            }
            String part = "\".\" " + group(digits);
            return stop ? "( " + part + " )?" : part;
        }

        /** Whether the fraction may end after {@code i} digits. */
        private boolean canStop(int i, boolean tl, boolean th) {
            // Digits stripped of trailing zeros: a bound with digits left is still greater than what was written.
            boolean lowOk = !tl || (i >= low.length() && lowInclusive);
            boolean highOk = !th || i < high.length() || highInclusive;
            return lowOk && highOk;
        }

        /** At least one more digit from position {@code i}; null when none can follow. */
        private String digits(int i, boolean tl, boolean th) {
            if (i >= cap) {
                return null;
            }
            if (tl && i >= low.length() && lowInclusive) {
                tl = false; // every digit string from here on is at least the low bound
            }
            if (th && !tl && i >= high.length()) {
                // Equal to the high bound so far: only zeros keep it so, and only an inclusive bound allows that.
                return highInclusive ? Gbnf.repeat("\"0\"", 1, cap - i) : null;
            }
            if (!tl && !th) {
                return Gbnf.repeat("[0-9]", 1, cap - i);
            }
            int lowDigit = tl ? digitAt(low, i) : 0;
            int highDigit = th ? digitAt(high, i) : 9;
            if (lowDigit > highDigit) {
                return null;
            }
            List<String> alternatives = new ArrayList<>();
            if (tl && th && lowDigit == highDigit) {
                add(alternatives, lowDigit, lowDigit, i, true, true);
            } else {
                int freeLow = lowDigit;
                int freeHigh = highDigit;
                if (tl) {
                    add(alternatives, lowDigit, lowDigit, i, true, false);
                    freeLow++;
                }
                if (th) {
                    freeHigh--;
                }
                if (freeLow <= freeHigh) {
                    add(alternatives, freeLow, freeHigh, i, false, false);
                }
                if (th) {
                    add(alternatives, highDigit, highDigit, i, false, true);
                }
            }
            return alternatives.isEmpty() ? null : String.join(" | ", alternatives);
        }

        private void add(List<String> alternatives, int from, int to, int i, boolean tl, boolean th) {
            String digit = from == to ? Gbnf.literal(Integer.toString(from)) : "[" + from + "-" + to + "]";
            boolean stop = canStop(i + 1, tl, th);
            String more = digits(i + 1, tl, th);
            if (more == null) {
                if (stop) {
                    alternatives.add(digit);
                }
                return;
            }
            if (!tl && !th) {
                alternatives.add(digit + " " + Gbnf.repeat("[0-9]", 0, cap - i - 1));
                return;
            }
            alternatives.add(digit + " " + (stop ? "( " + more + " )?" : group(more)));
        }

        private static int digitAt(String digits, int i) {
            return i < digits.length() ? digits.charAt(i) - '0' : 0;
        }
    }

    /** Parenthesizes an expression that has alternatives, so it can be sequenced or quantified. */
    static String group(String expression) {
        return expression.contains("|") ? "( " + expression + " )" : expression;
    }
}
