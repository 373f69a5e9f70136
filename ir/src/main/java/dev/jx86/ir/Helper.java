package dev.jx86.ir;

import java.util.List;
import java.util.Set;

/**
 * The descriptor of a runtime function that a {@code call} op invokes: the runtime registers helpers by id, the IR
 * carries only this descriptor. A helper with no effects is pure and may be folded away when unused.
 */
public record Helper(int id, String name, List<Type> parameters, Type result, Set<Effect> effects) {
    public Helper {
        parameters = List.copyOf(parameters);
        effects = Set.copyOf(effects);
        if (id < 0) {
            throw new IllegalArgumentException("helper id must not be negative: " + id);
        }
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("helper name must be an identifier: " + name);
        }
    }
}
