package dev.jx86.conformance.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.decode.Mnemonic;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's promises: reproducible cases, every family used. */
class SequenceGeneratorTest {
    @Test
    void aCaseDependsOnlyOnSeedAndNumber() {
        SequenceGenerator a = new SequenceGenerator(7, true, f -> true, f -> true);
        SequenceGenerator b = new SequenceGenerator(7, true, f -> true, f -> true);
        for (long id : new long[] {0, 1, 99, 12345}) {
            TestCase x = a.generate(id);
            TestCase y = b.generate(id);
            assertThat(x.lines()).isEqualTo(y.lines());
            assertThat(x.initial()).isEqualTo(y.initial());
            assertThat(x.dataSeed()).isEqualTo(y.dataSeed());
        }
        assertThat(a.generate(1).lines()).isNotEqualTo(a.generate(2).lines());
    }

    @Test
    void everyFamilyComesUp() {
        for (boolean bits64 : new boolean[] {true, false}) {
            SequenceGenerator generator = new SequenceGenerator(1, bits64, f -> true, f -> true);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                generator.generate(i).items().forEach(item -> seen.add(item.family()));
            }
            assertThat(seen).containsAll(SequenceGenerator.families(bits64));
        }
    }

    @Test
    void familiesAreDecoderMnemonics() {
        // So that the decoder's flag table applies to them and the lists name instructions as the SDM does (the
        // MMX-register forms after a prefix: mmx.paddb).
        for (boolean bits64 : new boolean[] {true, false}) {
            for (String family : SequenceGenerator.families(bits64)) {
                String mnemonic = SequenceGenerator.mnemonicOf(family);
                assertThat(Mnemonic.valueOf(mnemonic.toUpperCase(Locale.ROOT)).name())
                        .isEqualToIgnoringCase(mnemonic);
            }
        }
    }
}
