package dev.garden.jinja;

import java.util.List;
import java.util.Map;

/** The {@code loop} variable inside a {@code for} block, with jinja2's attributes. */
final class LoopState {
    private final List<Object> items;
    private final int depth0;
    private final JinjaFunction recurse;
    private int index0 = -1;
    private PyTuple lastChanged;

    /**
     * @param items   what the loop walks over, already filtered by the loop's {@code if}
     * @param depth0  how deep a recursive loop is, from 0
     * @param recurse what {@code loop(...)} does in a recursive loop; {@code null} when the loop is not recursive
     */
    LoopState(List<Object> items, int depth0, JinjaFunction recurse) {
        this.items = items;
        this.depth0 = depth0;
        this.recurse = recurse;
    }

    void advance() {
        index0++;
    }

    long index() {
        return index0 + 1L;
    }

    long length() {
        return items.size();
    }

    JinjaFunction recurse() {
        return recurse;
    }

    /** The attribute {@code name}, or {@link Access#NOT_FOUND} when the loop has none. */
    Object attribute(String name) {
        return switch (name) {
            case "index" -> index0 + 1L;
            case "index0" -> (long) index0;
            case "revindex" -> (long) (items.size() - index0);
            case "revindex0" -> (long) (items.size() - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == items.size() - 1;
            case "length" -> (long) items.size();
            case "depth" -> depth0 + 1L;
            case "depth0" -> (long) depth0;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.hint("there is no previous item");
            case "nextitem" -> index0 + 1 < items.size() ? items.get(index0 + 1) : Undefined.hint("there is no next item");
            case "cycle" -> (InternalFunction) this::cycle;
            case "changed" -> (InternalFunction) this::changed;
            default -> Access.NOT_FOUND;
        };
    }

    private Object cycle(List<Object> args, Map<String, Object> kwargs) {
        if (args.isEmpty()) {
            throw new TemplateRenderException("no items for cycling given");
        }
        return args.get(index0 % args.size());
    }

    private Object changed(List<Object> args, Map<String, Object> kwargs) {
        PyTuple value = new PyTuple(args);
        if (lastChanged == null || !PyOps.equal(lastChanged, value)) {
            lastChanged = value;
            return true;
        }
        return false;
    }
}
