package dev.jx86.x86.lift;

import dev.jx86.ir.Block;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.opt.PassPipeline;
import dev.jx86.ir.text.Printer;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Translator;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.exec.LogItem;
import dev.jx86.x86.decode.Decoded;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Invalid;
import dev.jx86.x86.decode.Mode;
import dev.jx86.x86.disasm.Disassembler;

/**
 * The x86 front end as the runtime sees it: decodes guest code from a pc until an instruction ends the block (a
 * branch, a system call, an exception) or the block is long enough, lifts each instruction and runs the IR passes.
 */
public final class X86Translator implements Translator {
    /** Guest instructions per block at most: long enough to amortize dispatch, short enough to translate fast. */
    public static final int MAX_INSTRUCTIONS = 64;

    private static final int PAGE = 4096;

    private final PassPipeline passes;

    public X86Translator() {
        this(PassPipeline.standard(false));
    }

    /** A translator whose blocks go through {@code passes} (tests verify after every pass). */
    public X86Translator(PassPipeline passes) {
        this.passes = passes;
    }

    @Override
    public Block translate(GuestMemory memory, long pc, CpuMode mode) {
        Block lifted = lift(memory, pc, mode);
        if (LogItem.IN_ASM.enabledAt(pc)) {
            LogItem.IN_ASM.log("IN:\n{}", disassemble(memory, lifted, mode));
        }
        if (LogItem.OP.enabledAt(pc)) {
            LogItem.OP.log("OP:\n{}", new Printer(StateLayout.INSTANCE).toText(lifted));
        }
        Block optimized = passes.run(lifted);
        if (LogItem.OP_OPT.enabledAt(pc)) {
            LogItem.OP_OPT.log("OP after passes:\n{}", new Printer(StateLayout.INSTANCE).toText(optimized));
        }
        return optimized;
    }

    /** The guest instructions of {@code block}, one per line, as objdump shows them. */
    private String disassemble(GuestMemory memory, Block block, CpuMode mode) {
        StringBuilder text = new StringBuilder();
        Disassembler disassembler = Disassembler.objdump();
        byte[] code = new byte[Decoder.MAX_LENGTH];
        for (int i = 0; i < block.size(); i++) {
            if (block.op(i) == Op.BOUNDARY) {
                long pc = block.aux0(i);
                int n = memory.fetch(pc, code, (int) block.aux1(i));
                text.append(String.format(
                        "0x%016x:  %s%n", pc, disassembler.format(decoder(mode).decode(code, 0, n, pc))));
            }
        }
        return text.toString();
    }

    /** The block at {@code pc} before the passes. */
    public Block lift(GuestMemory memory, long pc, CpuMode mode) {
        byte[] code = new byte[PAGE + Decoder.MAX_LENGTH];
        int available = memory.fetch(pc, code, PAGE - (int) (pc & (PAGE - 1)) + Decoder.MAX_LENGTH);
        Decoder decoder = decoder(mode);
        IrBuilder builder = new IrBuilder(pc);
        LiftContext c = new LiftContext(builder, mode);
        int offset = 0;
        for (int n = 0; n < MAX_INSTRUCTIONS; n++) {
            long address = pc + offset;
            Decoded d = decoder.decode(code, offset, available, address);
            if (d instanceof Invalid invalid && invalid.reason() == Invalid.Reason.TRUNCATED) {
                if (n > 0) {
                    break; // the next block starts here and faults when it is run
                }
                throw fetchFault(memory, pc + available);
            }
            switch (d) {
                case Instruction insn -> Lifter.lift(c, insn);
                case Invalid invalid -> {
                    c.begin(address, Math.max(1, invalid.length()));
                    if (invalid.reason() == Invalid.Reason.TOO_LONG) {
                        c.raise(Vectors.GP, 0);
                    } else {
                        c.raise(Vectors.UD);
                    }
                }
            }
            if (c.ended()) {
                return c.block();
            }
            offset += d.length();
        }
        return builder.jump(pc + offset);
    }

    private Decoder decoder(CpuMode mode) {
        return switch (mode) {
            case LONG_64 -> Decoder.of(Mode.BITS64);
            case PROTECTED_32 -> Decoder.of(Mode.BITS32);
            case REAL_16 -> Decoder.of(Mode.BITS16);
        };
    }

    /** The fault that fetching the byte at {@code address} raises (the memory says which). */
    private static GuestFault fetchFault(GuestMemory memory, long address) {
        try {
            memory.fetch(address, new byte[1], 1);
        } catch (GuestFault fault) {
            return fault;
        }
        return new GuestFault(Vectors.PF, 0x14, address);
    }
}
