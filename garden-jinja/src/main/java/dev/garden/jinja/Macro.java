package dev.garden.jinja;

import java.util.List;
import java.util.Map;

/**
 * A macro as a value: its definition, the scope it was defined in (macros see the variables of that scope as they
 * are when called), and the render it belongs to.
 */
final class Macro implements InternalFunction {
    private final Node.Macro definition;
    private final Scope closure;
    private final Renderer renderer;

    Macro(Node.Macro definition, Scope closure, Renderer renderer) {
        this.definition = definition;
        this.closure = closure;
        this.renderer = renderer;
    }

    String name() {
        return definition.name();
    }

    Node.Macro definition() {
        return definition;
    }

    Scope closure() {
        return closure;
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
        return renderer.callMacro(this, args, kwargs);
    }
}
