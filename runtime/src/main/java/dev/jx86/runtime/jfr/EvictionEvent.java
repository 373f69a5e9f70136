package dev.jx86.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;

/** JFR: the translation cache evicted a translation to stay within its bound. */
@Name("dev.jx86.Eviction")
@Label("Translation Evicted")
@Category({"jx86", "Translation Cache"})
@Description("A translation evicted from the bounded translation cache")
public final class EvictionEvent extends Event {
    @Label("Guest PC")
    @MemoryAddress
    @Description("A guest address")
    public long pc;

    @Label("IR Ops")
    public int irOps;
}
