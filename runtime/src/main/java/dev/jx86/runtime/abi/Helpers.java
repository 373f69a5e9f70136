package dev.jx86.runtime.abi;

import dev.jx86.ir.Effect;
import dev.jx86.ir.Helper;
import dev.jx86.ir.Type;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Every runtime helper, found by id. Helpers are defined in category classes, each with its own id range so that
 * categories grow independently: {@link CoreHelpers} 1-99, {@link IntegerHelpers} 100-199, {@link StringHelpers}
 * 200-299, SSE 300-399, system 400-499, {@link X87Helpers} 500-599, {@link Sse4Helpers} (SSE4.2 strings, AES,
 * CLMUL) 600-699.
 */
public final class Helpers {
    private Helpers() {}

    /** The index, built on first use: the category classes call {@link #define} while they initialize. */
    private static final class Index {
        static final RuntimeHelper[] BY_ID = index();
    }

    /** The helper with {@code id}; throws if there is none (a block naming it was built wrong). */
    public static RuntimeHelper byId(int id) {
        RuntimeHelper[] byId = Index.BY_ID;
        RuntimeHelper helper = id >= 0 && id < byId.length ? byId[id] : null;
        if (helper == null) {
            throw new IllegalArgumentException("no runtime helper with id " + id);
        }
        return helper;
    }

    /** All helpers, by id. */
    public static List<RuntimeHelper> all() {
        List<RuntimeHelper> all = new ArrayList<>();
        for (RuntimeHelper h : Index.BY_ID) {
            if (h != null) {
                all.add(h);
            }
        }
        return all;
    }

    /** Defines a helper (for the category classes). */
    static RuntimeHelper define(
            int id, String name, List<Type> parameters, Type result, Set<Effect> effects, HelperFunction body) {
        return new RuntimeHelper(new Helper(id, name, parameters, result, effects), body, null);
    }

    /** Defines a helper that reads or writes only the state slots in {@code stateSlots}. */
    static RuntimeHelper define(
            int id,
            String name,
            List<Type> parameters,
            Type result,
            Set<Effect> effects,
            BitSet stateSlots,
            HelperFunction body) {
        return new RuntimeHelper(new Helper(id, name, parameters, result, effects), body, stateSlots);
    }

    private static RuntimeHelper[] index() {
        List<RuntimeHelper> all = new ArrayList<>(CoreHelpers.all());
        all.addAll(IntegerHelpers.all());
        all.addAll(StringHelpers.all());
        all.addAll(SystemHelpers.all());
        all.addAll(SseHelpers.all());
        all.addAll(Sse4Helpers.all());
        all.addAll(X87Helpers.all());
        int max = all.stream().mapToInt(RuntimeHelper::id).max().orElse(0);
        RuntimeHelper[] byId = new RuntimeHelper[max + 1];
        for (RuntimeHelper h : all) {
            if (byId[h.id()] != null) {
                throw new IllegalStateException("two helpers with id " + h.id());
            }
            byId[h.id()] = h;
        }
        return byId;
    }
}
