package dev.garden.jinja;

import java.util.AbstractList;
import java.util.RandomAccess;

/** Python's {@code range}: a lazy sequence of integers, printed as {@code range(0, 3)}. */
final class PyRange extends AbstractList<Object> implements RandomAccess {
    /** jinja2's sandbox refuses ranges longer than this. */
    static final int MAX_RANGE = 100_000;

    private final long start;
    private final long stop;
    private final long step;
    private final int size;

    PyRange(long start, long stop, long step) {
        if (step == 0) {
            throw new TemplateRenderException("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        long count = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                : (start > stop ? (start - stop - step - 1) / -step : 0);
        if (count > MAX_RANGE) {
            throw new TemplateRenderException(
                    "Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + MAX_RANGE + ").");
        }
        this.size = (int) count;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return start + index * step;
    }

    @Override
    public int size() {
        return size;
    }

    /** {@code range[startIndex:stopIndex:step]} with adjusted indices, which Python answers with another range. */
    PyRange slice(long startIndex, long stopIndex, long sliceStep) {
        return new PyRange(start + startIndex * step, start + stopIndex * step, step * sliceStep);
    }

    String repr() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
