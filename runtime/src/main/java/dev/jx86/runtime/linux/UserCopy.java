package dev.jx86.runtime.linux;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.mem.Access;
import dev.jx86.runtime.mem.AddressSpace;

/**
 * The kernel's copy_from_user/copy_to_user for system calls: guest memory access with the guest's permissions,
 * where a bad pointer ends the call with EFAULT instead of faulting the guest.
 */
final class UserCopy {
    /** PATH_MAX. */
    static final int PATH_MAX = 4096;

    private final AddressSpace space;
    private final Abi abi;

    UserCopy(AddressSpace space, Abi abi) {
        this.space = space;
        this.abi = abi;
    }

    byte[] read(long address, int length) {
        try {
            space.check(address, length, Access.READ);
            return space.copyIn(address, length);
        } catch (GuestFault e) {
            throw new SyscallException(Errno.EFAULT);
        }
    }

    void write(long address, byte[] bytes) {
        write(address, bytes, bytes.length);
    }

    void write(long address, byte[] bytes, int length) {
        try {
            space.copyOut(address, bytes, 0, length);
        } catch (GuestFault e) {
            throw new SyscallException(Errno.EFAULT);
        }
    }

    /** Throws EFAULT unless the guest may write the range (before a call does something it cannot undo). */
    void checkWritable(long address, long length) {
        try {
            space.check(address, length, Access.WRITE);
        } catch (GuestFault e) {
            throw new SyscallException(Errno.EFAULT);
        }
    }

    /** A NUL-terminated string of at most PATH_MAX bytes; ENAMETOOLONG when longer. */
    byte[] path(long address) {
        try {
            byte[] path = space.readCString(address, PATH_MAX);
            if (path == null) {
                throw new SyscallException(Errno.ENAMETOOLONG);
            }
            return path;
        } catch (GuestFault e) {
            throw new SyscallException(Errno.EFAULT);
        }
    }

    long readWord(long address) {
        return new GuestStruct(read(address, abi.wordSize())).word(0, abi.wordSize());
    }

    void writeWord(long address, long value) {
        write(
                address,
                new GuestStruct(abi.wordSize()).word(0, abi.wordSize(), value).array());
    }

    void writeU32(long address, long value) {
        write(address, new GuestStruct(4).u32(0, value).array());
    }

    Abi abi() {
        return abi;
    }
}
