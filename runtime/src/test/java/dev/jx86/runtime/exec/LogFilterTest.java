package dev.jx86.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code -dfilter}'s ranges, written as QEMU writes them. */
class LogFilterTest {
    @Test
    void rangesInEveryForm() {
        LogFilter f = LogFilter.parse("0x1000..0x1fff,401000+0x20,0x5000-0x10,0x7777");
        assertThat(f.contains(0xfff)).isFalse();
        assertThat(f.contains(0x1000)).isTrue();
        assertThat(f.contains(0x1fff)).isTrue();
        assertThat(f.contains(0x2000)).isFalse();
        assertThat(f.contains(0x40101f)).isTrue();
        assertThat(f.contains(0x401020)).isFalse();
        assertThat(f.contains(0x4ff0)).isTrue();
        assertThat(f.contains(0x5000)).isFalse();
        assertThat(f.contains(0x7777)).isTrue();
        assertThat(f.contains(0x7778)).isFalse();
        assertThat(LogFilter.parse("0..0xffffffffffffffff").contains(-1)).isTrue();
        assertThat(LogFilter.ALL.contains(0x123456789L)).isTrue();
    }

    @Test
    void badRangesSayWhatIsWrong() {
        assertThatThrownBy(() -> LogFilter.parse("0x1000..zz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad -dfilter range '0x1000..zz'; write START..LAST, START+LENGTH, END-LENGTH or ADDRESS"
                        + " in hex");
        assertThatThrownBy(() -> LogFilter.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
