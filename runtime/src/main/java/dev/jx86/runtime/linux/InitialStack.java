package dev.jx86.runtime.linux;

import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Protection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack a new process starts on, laid out as Linux's {@code create_elf_tables}: at the top the program's file
 * name, then the environment and argument strings, the platform string and 16 random bytes; below them the
 * auxiliary vector, the environment and argument pointer arrays (each NULL-terminated) and argc, where the stack
 * pointer points, 16-byte aligned.
 */
public final class InitialStack {
    /**
     * Top of the 64-bit stack: the last page of the 46-bit user space jx86 gives 64-bit processes
     * ({@link AddressSpace#USER_LIMIT_64}), as Linux's STACK_TOP without randomization is the last page of its 47 bits.
     */
    public static final long TOP_64 = AddressSpace.USER_LIMIT_64 - AddressSpace.PAGE_SIZE;
    /** Top of a 32-bit process's stack on a 64-bit kernel. */
    public static final long TOP_32 = 0xffffe000L;
    /** The stack mapping's size (RLIMIT_STACK's usual 8 MiB). */
    public static final long SIZE = 8L << 20;

    private InitialStack() {}

    /** The top of the stack for {@code abi}. */
    public static long top(Abi abi) {
        return abi == Abi.X86_64 ? TOP_64 : TOP_32;
    }

    /**
     * Maps the stack and writes the initial frame; returns the initial stack pointer (pointing at argc).
     *
     * @param random the 16 bytes AT_RANDOM points at
     */
    public static long build(
            AddressSpace space, LoadedImage image, List<String> argv, List<String> envp, String execfn, byte[] random) {
        Abi abi = image.abi();
        int word = abi.wordSize();
        long top = top(abi);
        space.map(top - SIZE, SIZE, Protection.READ | Protection.WRITE);

        long p = top - word; // Linux leaves one NULL word at the very top.
        p = pushString(space, p, execfn);
        long execfnAddress = p;
        long[] envAddresses = new long[envp.size()];
        for (int i = envp.size() - 1; i >= 0; i--) {
            p = pushString(space, p, envp.get(i));
            envAddresses[i] = p;
        }
        long[] argAddresses = new long[argv.size()];
        for (int i = argv.size() - 1; i >= 0; i--) {
            p = pushString(space, p, argv.get(i));
            argAddresses[i] = p;
        }
        p = pushString(space, p, abi.platform());
        long platform = p;
        p = (p - 16) & ~15L;
        space.copyOut(p, random, 0, 16);
        long randomAddress = p;

        List<long[]> auxv = new ArrayList<>();
        auxv.add(new long[] {Auxv.AT_HWCAP, Auxv.HWCAP_X86});
        auxv.add(new long[] {Auxv.AT_PAGESZ, AddressSpace.PAGE_SIZE});
        auxv.add(new long[] {Auxv.AT_CLKTCK, 100});
        auxv.add(new long[] {Auxv.AT_PHDR, image.programHeaders()});
        auxv.add(new long[] {Auxv.AT_PHENT, image.programHeaderSize()});
        auxv.add(new long[] {Auxv.AT_PHNUM, image.programHeaderCount()});
        auxv.add(new long[] {Auxv.AT_BASE, 0});
        auxv.add(new long[] {Auxv.AT_FLAGS, 0});
        auxv.add(new long[] {Auxv.AT_ENTRY, image.entry()});
        auxv.add(new long[] {Auxv.AT_UID, Identity.uid()});
        auxv.add(new long[] {Auxv.AT_EUID, Identity.uid()});
        auxv.add(new long[] {Auxv.AT_GID, Identity.gid()});
        auxv.add(new long[] {Auxv.AT_EGID, Identity.gid()});
        auxv.add(new long[] {Auxv.AT_SECURE, 0});
        auxv.add(new long[] {Auxv.AT_RANDOM, randomAddress});
        auxv.add(new long[] {Auxv.AT_HWCAP2, 0});
        auxv.add(new long[] {Auxv.AT_EXECFN, execfnAddress});
        auxv.add(new long[] {Auxv.AT_PLATFORM, platform});
        auxv.add(new long[] {Auxv.AT_NULL, 0});

        int words = 1 + argv.size() + 1 + envp.size() + 1 + 2 * auxv.size();
        long sp = (p - (long) words * word) & ~15L;
        GuestStruct frame = new GuestStruct(words * word);
        int at = 0;
        frame.word(at, word, argv.size());
        at += word;
        for (long a : argAddresses) {
            frame.word(at, word, a);
            at += word;
        }
        at += word;
        for (long e : envAddresses) {
            frame.word(at, word, e);
            at += word;
        }
        at += word;
        for (long[] entry : auxv) {
            frame.word(at, word, entry[0]);
            frame.word(at + word, word, entry[1]);
            at += 2 * word;
        }
        space.copyOut(sp, frame.array());
        return sp;
    }

    private static long pushString(AddressSpace space, long p, String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        bytes.write(0);
        byte[] b = bytes.toByteArray();
        space.copyOut(p - b.length, b);
        return p - b.length;
    }
}
