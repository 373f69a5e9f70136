package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.IN;
import static dev.jx86.x86.decode.Mnemonic.INS;
import static dev.jx86.x86.decode.Mnemonic.OUT;
import static dev.jx86.x86.decode.Mnemonic.OUTS;

import dev.jx86.runtime.abi.Vectors;

/**
 * Input/output (SDM Vol. 1 7.3.11). User mode runs at CPL 3 with IOPL 0 and no I/O permission bitmap (Linux grants
 * ports only through ioperm/iopl, which jx86 does not model), so every port access is #GP(0). IN and OUT are marked
 * privileged by the decoder and fault before reaching a handler; INS and OUTS reach these.
 */
final class InputOutput implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(c -> c.raise(Vectors.GP, 0), IN, OUT, INS, OUTS);
    }
}
