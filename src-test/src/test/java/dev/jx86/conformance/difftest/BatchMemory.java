package dev.jx86.conformance.difftest;

import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Protection;
import dev.jx86.runtime.mem.TlbMemory;
import java.util.List;

/**
 * The guest memory of one batch of cases under jx86, mapped as the native harness maps it: the batch's code slots
 * (each case's code followed by UD2, read-write-execute as on the host) and the data buffer (read-write), in the
 * runtime's own {@link AddressSpace}; everything else is unmapped and faults with #PF.
 */
final class BatchMemory implements AutoCloseable {
    private final AddressSpace space;
    private final TlbMemory view;
    private final byte[] data = new byte[Layout.DATA_SIZE];

    BatchMemory(List<TestCase> cases, boolean bits64) {
        space = new AddressSpace(bits64 ? AddressSpace.USER_LIMIT_64 : AddressSpace.LIMIT_32, 1L << 26);
        byte[] code = new byte[cases.size() * Layout.SLOT];
        for (int i = 0; i < cases.size(); i++) {
            byte[] c = cases.get(i).code();
            int at = i * Layout.SLOT;
            System.arraycopy(c, 0, code, at, c.length);
            code[at + c.length] = 0x0f;
            code[at + c.length + 1] = 0x0b;
        }
        long codePages = (code.length + AddressSpace.PAGE_MASK) & ~AddressSpace.PAGE_MASK;
        space.map(Layout.CODE_BASE, codePages, Protection.ALL);
        space.copyOut(Layout.CODE_BASE, code);
        space.map(Layout.DATA_BASE, Layout.DATA_SIZE, Protection.READ | Protection.WRITE);
        view = space.newView();
    }

    /** The memory a CPU of this batch uses. */
    GuestMemory memory() {
        return view;
    }

    /** Fills the data buffer as the native harness does for a case with {@code seed}. */
    void fill(long seed) {
        MachineState.fill(data, seed);
        space.copyOut(Layout.DATA_BASE, data);
    }

    /** The data buffer's contents now. */
    byte[] data() {
        return space.copyIn(Layout.DATA_BASE, Layout.DATA_SIZE);
    }

    @Override
    public void close() {
        space.close();
    }
}
