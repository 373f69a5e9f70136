package dev.jx86.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.MemoryAddress;
import jdk.jfr.Name;

/**
 * JFR: the guest left translated code for the runtime (a system call, a fault, HLT, a stop request); the event lasts
 * from the exit until the guest runs again, so its duration is the runtime's service time.
 */
@Name("dev.jx86.GuestExit")
@Label("Guest Exit")
@Category({"jx86", "Execution"})
@Description("Guest execution left translated code for the runtime")
public final class GuestExitEvent extends Event {
    @Label("Reason")
    public String reason;

    @Label("Guest PC")
    @MemoryAddress
    @Description("A guest address")
    public long pc;

    @Label("Number")
    @Description("The system call number, or the exception vector")
    public long number;
}
