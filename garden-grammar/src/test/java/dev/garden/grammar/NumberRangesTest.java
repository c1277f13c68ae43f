package dev.garden.grammar;

import dev.garden.llama.LlamaGrammar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounds are exact: for random ranges, llama.cpp's sampler admits a number if and only if it lies inside, probed
 * at and around each bound and at random.
 */
class NumberRangesTest {
    private final JsonSchemaGrammars grammars = JsonSchemaGrammars.create(0);
    private final Random random = new Random(20261122);
    private int probed;

    @Test
    void integers_randomRanges_admitExactlyTheIntegersInside() {
        for (int round = 0; round < 40; round++) {
            BigInteger lo = random.nextInt(5) == 0 ? null : randomInteger();
            BigInteger hi = random.nextInt(5) == 0 ? null : randomInteger();
            if (lo != null && hi != null && lo.compareTo(hi) > 0) {
                BigInteger swap = lo;
                lo = hi;
                hi = swap;
            }
            boolean loExclusive = random.nextBoolean();
            boolean hiExclusive = random.nextBoolean();
            String schema = "{\"type\": \"integer\"" + bound(lo, loExclusive, "Minimum")
                    + bound(hi, hiExclusive, "Maximum") + "}";
            if (lo != null && hi != null && hi.subtract(lo).compareTo(BigInteger.TWO) < 0) {
                continue; // may hold no integer; refusals are tested elsewhere
            }
            Set<BigInteger> probes = new LinkedHashSet<>();
            for (BigInteger end : new BigInteger[]{lo, hi, BigInteger.ZERO}) {
                if (end != null) {
                    for (int d = -3; d <= 3; d++) {
                        probes.add(end.add(BigInteger.valueOf(d)));
                    }
                }
            }
            for (int i = 0; i < 10; i++) {
                probes.add(randomInteger());
            }
            try (LlamaGrammar compiled = GrammarJudge.compile(grammars.compile(schema))) {
                for (BigInteger probe : probes) {
                    boolean inside = (lo == null || (loExclusive ? probe.compareTo(lo) > 0 : probe.compareTo(lo) >= 0))
                            && (hi == null || (hiExclusive ? probe.compareTo(hi) < 0 : probe.compareTo(hi) <= 0));
                    assertThat(GrammarJudge.accepts(compiled, probe.toString())).as("%s in %s", probe, schema)
                            .isEqualTo(inside);
                    probed++;
                }
            }
        }
    }

    @Test
    void decimals_randomRanges_admitExactlyTheNumbersInside() {
        for (int round = 0; round < 40; round++) {
            BigDecimal lo = random.nextInt(5) == 0 ? null : randomDecimal();
            BigDecimal hi = random.nextInt(5) == 0 ? null : randomDecimal();
            if (lo != null && hi != null && lo.compareTo(hi) >= 0) {
                BigDecimal swap = lo;
                lo = hi;
                hi = swap.add(new BigDecimal("0.001"));
            }
            boolean loExclusive = random.nextBoolean();
            boolean hiExclusive = random.nextBoolean();
            String schema = "{\"type\": \"number\"" + bound(lo, loExclusive, "Minimum")
                    + bound(hi, hiExclusive, "Maximum") + "}";
            Set<BigDecimal> probes = new LinkedHashSet<>();
            for (BigDecimal end : new BigDecimal[]{lo, hi, BigDecimal.ZERO}) {
                if (end != null) {
                    for (String delta : new String[]{"0", "0.1", "0.001", "0.0001", "0.000001", "1"}) {
                        probes.add(end.add(new BigDecimal(delta)));
                        probes.add(end.subtract(new BigDecimal(delta)));
                    }
                    probes.add(end.setScale(end.scale() + 3, RoundingMode.UNNECESSARY));
                }
            }
            for (int i = 0; i < 10; i++) {
                probes.add(randomDecimal());
            }
            try (LlamaGrammar compiled = GrammarJudge.compile(grammars.compile(schema))) {
                for (BigDecimal probe : probes) {
                    if (probe.signum() == 0 && probe.toPlainString().startsWith("-")) {
                        continue;
                    }
                    boolean inside = (lo == null || (loExclusive ? probe.compareTo(lo) > 0 : probe.compareTo(lo) >= 0))
                            && (hi == null || (hiExclusive ? probe.compareTo(hi) < 0 : probe.compareTo(hi) <= 0));
                    assertThat(GrammarJudge.accepts(compiled, probe.toPlainString()))
                            .as("%s in %s", probe.toPlainString(), schema).isEqualTo(inside);
                    probed++;
                }
            }
        }
    }

    @org.junit.jupiter.api.AfterEach
    void enoughProbes() {
        assertThat(probed).as("numbers probed").isGreaterThan(600);
    }

    /** Magnitudes from 1 to 12 digits, either sign. */
    private BigInteger randomInteger() {
        int digits = 1 + random.nextInt(12);
        BigInteger magnitude = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        return random.nextBoolean() ? magnitude.negate() : magnitude;
    }

    /** Up to 4 integer and 4 fraction digits, either sign. */
    private BigDecimal randomDecimal() {
        BigDecimal value = BigDecimal.valueOf(random.nextLong(100_000_000L), 4 - random.nextInt(3)).stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0, RoundingMode.UNNECESSARY);
        }
        return random.nextBoolean() ? value.negate() : value;
    }

    private static String bound(Object value, boolean exclusive, String side) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return ", \"" + (exclusive ? "exclusive" + side : side.toLowerCase()) + "\": " + text;
    }
}
