package dev.garden.gguf;

import java.util.SplittableRandom;

/**
 * Normal-like random floats of mean 0, cheaply: each is the sum of four 16-bit uniforms cut from one
 * {@link SplittableRandom#nextLong()} (Irwin-Hall with n = 4), scaled to the standard deviation. Its tails stop at
 * about 3.5 deviations, which random weights do not miss, and it is several times faster than
 * {@link java.util.Random#nextGaussian()}: a 900 MB file of F16 weights takes seconds, not minutes.
 */
final class NormalFiller implements TensorSource.FloatFiller {
    /** The mean of the sum of four uniforms on [0, 65535]. */
    private static final double MEAN = 4 * 65535 / 2.0;
    /** Its standard deviation: sqrt(4 * (65536^2 - 1) / 12). */
    private static final double DEVIATION = Math.sqrt(4 * (65536.0 * 65536.0 - 1) / 12);

    private final SplittableRandom random;
    private final float scale;

    NormalFiller(long seed, float standardDeviation) {
        this.random = new SplittableRandom(seed);
        this.scale = (float) (standardDeviation / DEVIATION);
    }

    @Override
    public void fill(float[] chunk, int length) {
        for (int i = 0; i < length; i++) {
            long bits = random.nextLong();
            long sum = (bits & 0xFFFF) + ((bits >>> 16) & 0xFFFF) + ((bits >>> 32) & 0xFFFF) + (bits >>> 48);
            chunk[i] = (float) (sum - MEAN) * scale;
        }
    }
}
