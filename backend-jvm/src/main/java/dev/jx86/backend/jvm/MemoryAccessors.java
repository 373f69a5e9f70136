package dev.jx86.backend.jvm;

import dev.jx86.runtime.abi.FlatLayout;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * How a region's loads and stores reach guest memory: through {@code gen.Support}'s flat accessors (a permission
 * byte, then host memory at base + address; docs/memory.md) where the host has flat memory, else through its TLB
 * accessors (the CPU's TLB arrays). What either needs is read once, on entry, from the memory's {@code TlbArrays}
 * into four local slots from {@link #FIRST_LOCAL}; each access pushes it with the memory and calls the accessor.
 */
final class MemoryAccessors implements Opcodes {
    /** Whether regions use the flat accessors (a JVM-wide choice: {@link FlatLayout#ENABLED}). */
    static final boolean FLAT = FlatLayout.ENABLED;

    /** The first of the slots this class uses, and how many. */
    static final int FIRST_LOCAL = 9;

    static final int LOCALS = 4;

    // The TLB's arrays, or the permission map's and base's addresses (longs).
    private static final int READ_TLB_LOCAL = FIRST_LOCAL;
    private static final int WRITE_TLB_LOCAL = FIRST_LOCAL + 1;
    private static final int PERMISSIONS_LOCAL = FIRST_LOCAL;
    private static final int BASE_LOCAL = FIRST_LOCAL + 2;

    private static final String SUPPORT = RegionEmitter.PACKAGE + "Support";
    private static final String MEMORY = "dev/jx86/runtime/abi/GuestMemory";
    private static final String TLB = "dev/jx86/runtime/abi/TlbArrays";

    private final MethodVisitor mv;
    private final Asm asm;
    private final int memoryLocal;

    MemoryAccessors(MethodVisitor mv, Asm asm, int memoryLocal) {
        this.mv = mv;
        this.asm = asm;
        this.memoryLocal = memoryLocal;
    }

    /** The prologue's part: from the {@code GuestMemory} in its local, what the accessors need into their slots. */
    void initialize() {
        mv.visitVarInsn(ALOAD, memoryLocal);
        mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "tlb", "()L" + TLB + ";", true);
        mv.visitInsn(DUP);
        if (FLAT) {
            mv.visitFieldInsn(GETFIELD, TLB, "permissions", "J");
            mv.visitVarInsn(LSTORE, PERMISSIONS_LOCAL);
            mv.visitFieldInsn(GETFIELD, TLB, "base", "J");
            mv.visitVarInsn(LSTORE, BASE_LOCAL);
        } else {
            mv.visitFieldInsn(GETFIELD, TLB, "read", "[J");
            mv.visitVarInsn(ASTORE, READ_TLB_LOCAL);
            mv.visitFieldInsn(GETFIELD, TLB, "write", "[J");
            mv.visitVarInsn(ASTORE, WRITE_TLB_LOCAL);
        }
    }

    /** An accessor's leading arguments, before the address: the permission map and base, or a TLB array; the memory. */
    void pushLeading(boolean write) {
        if (FLAT) {
            mv.visitVarInsn(LLOAD, PERMISSIONS_LOCAL);
            mv.visitVarInsn(LLOAD, BASE_LOCAL);
        } else {
            mv.visitVarInsn(ALOAD, write ? WRITE_TLB_LOCAL : READ_TLB_LOCAL);
        }
        mv.visitVarInsn(ALOAD, memoryLocal);
    }

    /**
     * A coalesced check ({@link MemoryChecks}): of the bytes from the address {@code pushAddress} pushes plus
     * {@code low} to it plus {@code high}, for permission {@code bit}; a miss leaves the region. Flat memory only.
     */
    void check(Runnable pushAddress, MemoryChecks.Check check) {
        mv.visitVarInsn(LLOAD, PERMISSIONS_LOCAL);
        for (long offset : new long[] {check.low(), check.high()}) {
            pushAddress.run();
            if (offset != 0) {
                asm.pushLong(offset);
                mv.visitInsn(LADD);
            }
        }
        asm.pushInt(check.bit());
        asm.invokeStatic(SUPPORT, "flatCheck", "(JJJI)V");
    }

    /**
     * Calls accessor {@code name} ({@code load32}, {@code store128}...: {@code flatLoad32} and so on with flat memory);
     * {@code rest} is its descriptor after the memory.
     */
    void invoke(String name, String rest) {
        if (FLAT) {
            String flatName = "flat" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            asm.invokeStatic(SUPPORT, flatName, "(JJL" + MEMORY + ";" + rest);
        } else {
            asm.invokeStatic(SUPPORT, name, "([JL" + MEMORY + ";" + rest);
        }
    }
}
