package dev.jx86.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;

/** JFR: guest code was written or unmapped, and the translations of its pages were dropped. */
@Name("dev.jx86.Invalidation")
@Label("Translations Invalidated")
@Category({"jx86", "Translation Cache"})
@Description("Translations dropped because their guest code was written or unmapped")
public final class InvalidationEvent extends Event {
    @Label("Start")
    @MemoryAddress
    public long start;

    @Label("End")
    @MemoryAddress
    public long end;

    @Label("Translations")
    public int translations;
}
