package dev.jx86.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;

/** JFR: tier 1 compiled a block or region into a JVM class (on the background compiler thread in mixed mode). */
@Name("dev.jx86.Compilation")
@Label("Guest Compilation")
@Category({"jx86", "Tier 1"})
@Description("A block or region of guest code compiled into a hidden JVM class")
public final class CompilationEvent extends Event {
    @Label("Guest PC")
    @MemoryAddress
    @Description("A guest address")
    public long pc;

    @Label("Guest Symbol")
    public String symbol;

    @Label("Blocks")
    public int blocks;

    @Label("IR Ops")
    public int irOps;

    @Label("Compiled")
    @Description("false when the compiler declined (the method would be too large for the JVM's JIT)")
    public boolean compiled;
}
