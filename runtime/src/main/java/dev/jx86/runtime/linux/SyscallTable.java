package dev.jx86.runtime.linux;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.exec.LogItem;
import java.io.IOException;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * One ABI's system calls by number, with their names. Calls nobody implements return -ENOSYS and are logged once
 * each; errors thrown by handlers become Linux's errno.
 */
final class SyscallTable {

    private final Abi abi;
    private final Syscall[] handlers = new Syscall[512];
    private final String[] names = new String[512];
    private final BitSet reported = new BitSet();

    SyscallTable(Abi abi) {
        this.abi = abi;
    }

    Abi abi() {
        return abi;
    }

    void define(int number, String name, Syscall handler) {
        if (handlers[number] != null) {
            throw new IllegalStateException(abi + " system call " + number + " defined twice");
        }
        handlers[number] = handler;
        names[number] = name;
    }

    /** The names of the defined calls by number (for tests and tracing). */
    Map<Integer, String> names() {
        Map<Integer, String> map = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                map.put(i, names[i]);
            }
        }
        return map;
    }

    long call(long number, SyscallArgs args) {
        Syscall handler = number >= 0 && number < handlers.length ? handlers[(int) number] : null;
        if (handler == null) {
            int key = (int) Math.min(number, Integer.MAX_VALUE);
            if (key >= 0 && !reported.get(key)) {
                reported.set(key);
                LogItem.UNIMP.log("unimplemented {} system call {}, returning ENOSYS", abi, number);
            }
            return -Errno.ENOSYS;
        }
        try {
            return handler.call(args);
        } catch (SyscallException e) {
            return -e.errno();
        } catch (GuestFault e) {
            return -Errno.EFAULT;
        } catch (IOException e) {
            return -HostErrors.errno(e);
        } catch (SecurityException | UnsupportedOperationException e) {
            return -Errno.EACCES;
        }
    }
}
