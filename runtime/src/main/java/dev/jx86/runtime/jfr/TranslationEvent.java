package dev.jx86.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;

/** JFR: a block of guest code was decoded, lifted and optimized (a translation-cache miss). */
@Name("dev.jx86.Translation")
@Label("Guest Translation")
@Category({"jx86", "Translation Cache"})
@Description("A block of guest code decoded, lifted to IR and optimized")
public final class TranslationEvent extends Event {
    @Label("Guest PC")
    @MemoryAddress
    @Description("A guest address")
    public long pc;

    @Label("Guest Bytes")
    public int guestBytes;

    @Label("Guest Instructions")
    public int instructions;

    @Label("IR Ops")
    public int irOps;
}
