package dev.jx86.x86.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Mode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FlagTableTest {
    @Test
    void everyConditionalInstructionReadsTheFlagsOfItsCondition() {
        for (Mnemonic m : Mnemonic.values()) {
            String name = m.name();
            boolean conditional = name.startsWith("SET") && name.length() <= 5
                    || name.startsWith("CMOV")
                    || name.startsWith("J") && !name.equals("JMP") && !name.equals("JMPF") && !name.endsWith("CXZ");
            if (conditional) {
                assertThat(FlagTable.of(m).read()).as(name).isNotZero();
                assertThat(FlagTable.of(m).written()).as(name).isZero();
            }
        }
    }

    @Test
    void undefinedFlagsAreAmongTheWrittenOnes() {
        for (Mnemonic m : Mnemonic.values()) {
            FlagEffects effects = FlagTable.of(m);
            assertThat(effects.written() & effects.undefined()).as(m.name()).isEqualTo(effects.undefined());
        }
    }

    @Test
    void decodedInstructionsCarryTheirFlagEffects() {
        Decoder decoder = new Decoder(Mode.BITS64);
        Instruction adc = (Instruction) decoder.decode(HexFormat.of().parseHex("4811c8"), 0, 0);
        assertThat(adc.flagEffects()).isEqualTo(new FlagEffects(Eflags.CF, Eflags.STATUS, 0));
        Instruction jbe = (Instruction) decoder.decode(HexFormat.of().parseHex("76fe"), 0, 0);
        assertThat(jbe.flagEffects().read()).isEqualTo(Eflags.CF | Eflags.ZF);
        assertThat(Eflags.names(jbe.flagEffects().read())).isEqualTo("CF ZF");
        Instruction mov = (Instruction) decoder.decode(HexFormat.of().parseHex("89c8"), 0, 0);
        assertThat(mov.flagEffects()).isEqualTo(FlagEffects.NONE);
    }
}
