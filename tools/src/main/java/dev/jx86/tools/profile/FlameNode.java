package dev.jx86.tools.profile;

import dev.jx86.runtime.elf.Symbolizer;
import dev.jx86.runtime.profile.CallStacks;
import dev.jx86.runtime.profile.Phase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the flame tree: a guest function on a sampled call path, with the samples of every stack that went
 * through it ({@link #value}) and those that ended in it ({@link #self}). The root is {@code all}; a sample taken
 * while the CPU's thread was translating or in the runtime ends in a {@code [translation]} or {@code [runtime]} node
 * under the guest function it was at.
 */
public final class FlameNode {
    private final String name;
    private long value;
    private long self;
    private final Map<String, FlameNode> children = new LinkedHashMap<>();

    private FlameNode(String name) {
        this.name = name;
    }

    /** The tree of {@code stacks}, frames named by {@code symbols} (or by address where there is no symbol). */
    static FlameNode of(CallStacks stacks, Symbolizer symbols) {
        FlameNode root = new FlameNode("all");
        for (CallStacks.Stack s : stacks.stacks()) {
            FlameNode node = root;
            root.value += s.count();
            for (int i = s.pcs().length - 1; i >= 0; i--) {
                node = node.child(frameName(s, i, symbols), s.count());
            }
            if (s.phase() != Phase.GUEST) {
                node = node.child(s.phase().frameName(), s.count());
            }
            node.self += s.count();
        }
        return root;
    }

    private FlameNode child(String childName, long count) {
        FlameNode c = children.computeIfAbsent(childName, FlameNode::new);
        c.value += count;
        return c;
    }

    /** A frame's function: its symbol, else the call's target, else its pc. */
    private static String frameName(CallStacks.Stack s, int i, Symbolizer symbols) {
        long pc = s.pcs()[i];
        return symbols.nameOf(pc)
                .orElseGet(() -> "0x" + Long.toHexString(s.functions()[i] != -1 ? s.functions()[i] : pc));
    }

    public String name() {
        return name;
    }

    /** Samples of all stacks through this node. */
    public long value() {
        return value;
    }

    /** Samples of stacks that end here. */
    public long self() {
        return self;
    }

    /** Children by samples, most first. */
    public List<FlameNode> children() {
        List<FlameNode> list = new ArrayList<>(children.values());
        list.sort(Comparator.comparingLong(FlameNode::value).reversed().thenComparing(FlameNode::name));
        return list;
    }

    /** Self samples by function over the whole tree, most first: where the time went. */
    public Map<String, Long> selfByFunction() {
        Map<String, Long> totals = new LinkedHashMap<>();
        collectSelf(totals);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(totals.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> result = new LinkedHashMap<>();
        sorted.forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private void collectSelf(Map<String, Long> totals) {
        if (self > 0 && !name.equals("all")) {
            totals.merge(name, self, Long::sum);
        }
        for (FlameNode c : children.values()) {
            c.collectSelf(totals);
        }
    }
}
