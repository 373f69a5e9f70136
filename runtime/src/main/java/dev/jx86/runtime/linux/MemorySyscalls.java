package dev.jx86.runtime.linux;

import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Mapping;
import dev.jx86.runtime.mem.Protection;
import java.io.IOException;
import java.util.List;

/**
 * The memory map's system calls: brk, mmap (and i386's mmap2 and old_mmap), munmap, mprotect, mremap, madvise.
 * New mappings go top-down below the mmap base as in Linux's default layout. File mappings are private copies:
 * MAP_SHARED writes do not reach the file (one process cannot tell, except through the file itself).
 */
final class MemorySyscalls {
    static final int MAP_SHARED = 0x01;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_SHARED_VALIDATE = 0x03;
    static final int MAP_FIXED = 0x10;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MAP_32BIT = 0x40;
    static final int MAP_FIXED_NOREPLACE = 0x100000;

    private static final int MREMAP_MAYMOVE = 1;
    private static final int MREMAP_FIXED = 2;
    private static final int MADV_DONTNEED = 4;

    /** mmap_min_addr. */
    static final long MIN_ADDRESS = 0x10000;

    /** Linux's mmap_base without randomization: STACK_TOP less the minimum 128 MiB gap for the stack. */
    static final long MMAP_BASE_64 = InitialStack.TOP_64 - (128L << 20);

    static final long MMAP_BASE_32 = InitialStack.TOP_32 - (128L << 20);

    private static final long PAGE = AddressSpace.PAGE_SIZE;

    private final LinuxProcess process;
    private final AddressSpace space;
    private final UserCopy user;
    private final long mmapBase;

    MemorySyscalls(LinuxProcess process) {
        this.process = process;
        this.space = process.space();
        this.user = process.user();
        this.mmapBase = process.abi() == Abi.X86_64 ? MMAP_BASE_64 : MMAP_BASE_32;
    }

    long brk(long requested) {
        ProcessState state = process.state();
        long current = state.brk();
        if (requested < state.brkStart() || requested > space.limit()) {
            return current;
        }
        long oldEnd = pageUp(current);
        long newEnd = pageUp(requested);
        if (newEnd > oldEnd) {
            if (!space.isFree(oldEnd, newEnd - oldEnd)) {
                return current;
            }
            space.map(oldEnd, newEnd - oldEnd, Protection.READ | Protection.WRITE);
        } else if (newEnd < oldEnd) {
            space.unmap(newEnd, oldEnd - newEnd);
            process.invalidate(newEnd, oldEnd);
        }
        state.brk(requested);
        return requested;
    }

    long mmap(long address, long length, int protection, int flags, int fd, long offset) throws IOException {
        if (length == 0 || (offset & (PAGE - 1)) != 0 || offset < 0) {
            return -Errno.EINVAL;
        }
        int type = flags & 0xf;
        if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE) {
            return -Errno.EINVAL;
        }
        if ((protection & ~Protection.ALL) != 0) {
            return -Errno.EINVAL;
        }
        long size = pageUp(length);
        if (size == 0 || Long.compareUnsigned(size, space.limit()) > 0) {
            return -Errno.ENOMEM;
        }
        HostFile file = null;
        if ((flags & MAP_ANONYMOUS) == 0) {
            OpenFile open = process.fds().get(fd);
            if (!(open instanceof HostFile hostFile)) {
                return -Errno.ENODEV;
            }
            if (!open.readable() || type != MAP_PRIVATE && (protection & Protection.WRITE) != 0 && !open.writable()) {
                return -Errno.EACCES;
            }
            file = hostFile;
        }
        long start = place(address, size, flags);
        if (start < 0) {
            return start;
        }
        boolean replaces = !space.isFree(start, size);
        space.map(start, size, file == null ? protection : Protection.READ | Protection.WRITE);
        if (file != null) {
            fill(file, start, length, offset);
            space.protect(start, size, protection);
        }
        if (replaces) {
            process.invalidate(start, start + size);
        }
        return start;
    }

    /** Where a new mapping of {@code size} goes, or -errno. */
    private long place(long address, long size, int flags) {
        if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0) {
            if ((address & (PAGE - 1)) != 0) {
                return -Errno.EINVAL;
            }
            if (address + size > space.limit() || address + size < address) {
                return -Errno.ENOMEM;
            }
            if (address < MIN_ADDRESS) {
                return -Errno.EPERM;
            }
            if ((flags & MAP_FIXED) == 0 && !space.isFree(address, size)) {
                return -Errno.EEXIST;
            }
            return address;
        }
        long hint = pageUp(address);
        if (hint >= MIN_ADDRESS && space.isFree(hint, size)) {
            return hint;
        }
        boolean low = (flags & MAP_32BIT) != 0 && process.abi() == Abi.X86_64;
        long found = low ? space.findFree(size, 0x40000000L, 0x80000000L) : space.findFree(size, MIN_ADDRESS, mmapBase);
        return found < 0 ? -Errno.ENOMEM : found;
    }

    private void fill(HostFile file, long start, long length, long offset) throws IOException {
        byte[] chunk = new byte[(int) Math.min(length, 1 << 20)];
        long done = 0;
        while (done < length) {
            int want = (int) Math.min(chunk.length, length - done);
            long n = file.pread(chunk, want, offset + done);
            if (n <= 0) {
                break;
            }
            space.copyOut(start + done, chunk, 0, (int) n);
            done += n;
        }
    }

    /** i386 old_mmap: the six arguments in a structure in guest memory, the offset in bytes. */
    long oldMmap(long arguments) throws IOException {
        GuestStruct a = new GuestStruct(user.read(arguments, 24));
        return mmap(a.u32(0), a.u32(4), (int) a.u32(8), (int) a.u32(12), (int) a.u32(16), a.u32(20));
    }

    long munmap(long address, long length) {
        if ((address & (PAGE - 1)) != 0 || length == 0) {
            return -Errno.EINVAL;
        }
        long size = pageUp(length);
        if (!fits(address, size)) {
            return -Errno.EINVAL;
        }
        space.unmap(address, size);
        process.invalidate(address, address + size);
        return 0;
    }

    long mprotect(long address, long length, int protection) {
        if ((address & (PAGE - 1)) != 0 || (protection & ~Protection.ALL) != 0) {
            return -Errno.EINVAL;
        }
        long size = pageUp(length);
        if (size == 0) {
            return 0;
        }
        if (!fits(address, size) || !space.protect(address, size, protection)) {
            return -Errno.ENOMEM;
        }
        process.invalidate(address, address + size);
        return 0;
    }

    long mremap(long old, long oldLength, long newLength, int flags, long newAddress) {
        if ((old & (PAGE - 1)) != 0 || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) != 0) {
            return -Errno.EINVAL;
        }
        if ((flags & MREMAP_FIXED) != 0 && (flags & MREMAP_MAYMOVE) == 0) {
            return -Errno.EINVAL;
        }
        long oldSize = pageUp(oldLength);
        long newSize = pageUp(newLength);
        if (newSize <= 0 || oldSize <= 0 || !fits(old, newSize)) {
            return -Errno.EINVAL;
        }
        if (!fits(old, oldSize) || !space.isMapped(old, oldSize)) {
            return -Errno.EFAULT;
        }
        int protection = space.mappingAt(old + oldSize - 1).orElseThrow().protection();
        if ((flags & MREMAP_FIXED) != 0) {
            if ((newAddress & (PAGE - 1)) != 0
                    || !fits(newAddress, newSize)
                    || newAddress < old + oldSize && old < newAddress + newSize) {
                return -Errno.EINVAL;
            }
            space.unmap(newAddress, newSize);
            process.invalidate(newAddress, newAddress + newSize);
            return moveTo(old, oldSize, newSize, newAddress, protection);
        }
        if (newSize <= oldSize) {
            if (newSize < oldSize) {
                space.unmap(old + newSize, oldSize - newSize);
                process.invalidate(old + newSize, old + oldSize);
            }
            return old;
        }
        if (space.isFree(old + oldSize, newSize - oldSize)) {
            space.map(old + oldSize, newSize - oldSize, protection);
            return old;
        }
        if ((flags & MREMAP_MAYMOVE) == 0) {
            return -Errno.ENOMEM;
        }
        long target = space.findFree(newSize, MIN_ADDRESS, mmapBase);
        if (target < 0) {
            return -Errno.ENOMEM;
        }
        return moveTo(old, oldSize, newSize, target, protection);
    }

    private long moveTo(long old, long oldSize, long newSize, long target, int protection) {
        long kept = Math.min(oldSize, newSize);
        space.move(old, target, kept);
        if (oldSize > kept) {
            space.unmap(old + kept, oldSize - kept);
        }
        if (newSize > kept) {
            space.map(target + kept, newSize - kept, protection);
        }
        process.invalidate(old, old + oldSize);
        return target;
    }

    long madvise(long address, long length, int advice) {
        if ((address & (PAGE - 1)) != 0 || length < 0) {
            return -Errno.EINVAL;
        }
        long size = pageUp(length);
        if (size == 0) {
            return 0;
        }
        if (!fits(address, size) || !space.isMapped(address, size)) {
            return -Errno.ENOMEM;
        }
        if (advice == MADV_DONTNEED) {
            // Private anonymous memory reads as zero afterwards: map the range afresh with its protections.
            List<Mapping> parts = space.mappings().stream()
                    .filter(m -> m.end() > address && m.start() < address + size)
                    .toList();
            for (Mapping m : parts) {
                long from = Math.max(m.start(), address);
                long to = Math.min(m.end(), address + size);
                space.map(from, to - from, m.protection());
            }
            process.invalidate(address, address + size);
        }
        return 0;
    }

    /** Whether [address, address + size) is a non-empty range inside the address space. */
    private boolean fits(long address, long size) {
        long end = address + size;
        return size > 0 && address >= 0 && end > address && end <= space.limit();
    }

    /** {@code value} rounded up to a page; -1 when that overflows (a length no range can have). */
    private static long pageUp(long value) {
        long up = value + PAGE - 1;
        return up < value ? -1 : up & ~(PAGE - 1);
    }
}
