package dev.jx86.runtime.mem;

import dev.jx86.runtime.abi.FlatLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * A user-mode guest's virtual memory: mappings of 4 KiB pages with read/write/execute permissions (what mmap,
 * munmap, mprotect and brk manage), backed by off-heap frames that are allocated, zeroed, on first touch. CPUs
 * access it through {@link TlbMemory} views, which this class flushes when the map changes; the loader and system
 * calls use {@link #copyIn}/{@link #copyOut}, which check the guest's permissions as the kernel's user copies do.
 *
 * <p>Pages holding translated code are marked ({@link #markCode}); the first write to such a page unmarks it and
 * tells the {@link #onCodeWrite listener}, so that self-modifying code invalidates its translations.
 *
 * <p>Map changes are synchronized; views are per CPU and flushed synchronously by the thread changing the map.
 */
public final class AddressSpace implements AutoCloseable {
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final long PAGE_MASK = PAGE_SIZE - 1;

    /** The end of user space in 64-bit mode (canonical lower half, 47 bits). */
    public static final long LIMIT_64 = 1L << 47;
    /**
     * The end of a 64-bit Linux process's space under jx86: 46 bits (64 TiB), a bit less than Linux's 47, so that the
     * whole space fits one flat host reservation beside the JVM's own (docs/memory.md, "Flat memory").
     */
    public static final long USER_LIMIT_64 = FlatLayout.SPAN;

    /** The end of a 32-bit process's space. */
    public static final long LIMIT_32 = 1L << 32;

    private static final long DEFAULT_FRAME_BYTES = 64L << 30;

    private final long limit;
    private final FramePool frames;
    /** The permission bytes of compiled code's accesses, when the frames are flat; else null. */
    private final PermissionMap permissions;

    private final TreeMap<Long, Mapping> mappings = new TreeMap<>();
    private final Map<Long, Page> pages = new HashMap<>();
    private final List<TlbMemory> views = new CopyOnWriteArrayList<>();
    private volatile LongConsumer codeWriteListener = page -> {};

    /** A guest page that has a frame. */
    static final class Page {
        final MemorySegment frame;
        /** The frame's host address. */
        final long host;
        /** Whether the page holds translated code; volatile so that a TLB fill can see a concurrent marking. */
        volatile boolean code;

        Page(MemorySegment frame) {
            this.frame = frame;
            this.host = frame.address();
        }
    }

    /** An address space of addresses below {@code limit}, with at most as many frames as that (up to 64 GiB). */
    public AddressSpace(long limit) {
        this(limit, Math.min(limit, DEFAULT_FRAME_BYTES));
    }

    /** An address space of addresses below {@code limit} that can hold {@code frameBytes} of touched pages. */
    public AddressSpace(long limit, long frameBytes) {
        if (limit <= 0 || (limit & PAGE_MASK) != 0 || limit > LIMIT_64) {
            throw new IllegalArgumentException("bad address space limit 0x" + Long.toHexString(limit));
        }
        this.limit = limit;
        FramePool flat = limit <= FlatLayout.SPAN && FlatLayout.ENABLED ? FramePool.flat(limit, frameBytes) : null;
        PermissionMap map = flat != null ? PermissionMap.reserve() : null;
        if (flat != null && map == null) {
            flat.close();
            flat = null;
        }
        this.frames = flat != null ? flat : FramePool.reserve(frameBytes);
        this.permissions = map;
    }

    /** Whether the frames are flat: guest address {@code a} at host address {@link #flatBase()} + {@code a}. */
    public boolean flat() {
        return permissions != null;
    }

    /** The host address of guest address 0 when {@link #flat()}; else 0. */
    long flatBase() {
        return frames.flatBase();
    }

    /** The host address of the permission map when {@link #flat()}; else {@link FlatLayout#NO_PERMISSIONS}. */
    long permissionsAddress() {
        return permissions != null ? permissions.address() : FlatLayout.NO_PERMISSIONS;
    }

    /** One past the highest address the guest may map. */
    public long limit() {
        return limit;
    }

    /** Whether the frames come from one mmap reservation (otherwise from heap-independent Arena chunks). */
    public boolean reserved() {
        return frames.reserved();
    }

    /** A new per-CPU view of this space through a software TLB. */
    public TlbMemory newView() {
        TlbMemory view = new TlbMemory(this);
        views.add(view);
        return view;
    }

    /** Stops flushing {@code view}; for a CPU that is gone. */
    public void dropView(TlbMemory view) {
        views.remove(view);
    }

    /** Called with the page number (address >>> 12) when a marked code page is first written. */
    public void onCodeWrite(LongConsumer listener) {
        codeWriteListener = listener;
    }

    /**
     * Maps [{@code start}, {@code start + length}) with {@code protection}, zero-filled; whatever was mapped there
     * before is dropped (as mmap with MAP_FIXED does).
     */
    public synchronized void map(long start, long length, int protection) {
        checkRange(start, length);
        remove(start, start + length);
        mappings.put(start, new Mapping(start, start + length, protection & Protection.ALL));
        flushViews(start, start + length);
    }

    /** Unmaps every page in the range; pages that were not mapped are ignored (as munmap does). */
    public synchronized void unmap(long start, long length) {
        checkRange(start, length);
        remove(start, start + length);
        flushViews(start, start + length);
    }

    /**
     * Changes the protection of the range; returns false and changes nothing unless every page in it is mapped
     * (mprotect's ENOMEM).
     */
    public synchronized boolean protect(long start, long length, int protection) {
        checkRange(start, length);
        long end = start + length;
        if (!isMapped(start, length)) {
            return false;
        }
        carve(start, end);
        mappings.put(start, new Mapping(start, end, protection & Protection.ALL));
        for (Long page : touchedPages(start >>> PAGE_SHIFT, end >>> PAGE_SHIFT)) {
            forbid(page); // the next touch gives the page the new protection's bits
        }
        flushViews(start, end);
        return true;
    }

    /** Whether every page of the range is mapped. */
    public synchronized boolean isMapped(long start, long length) {
        long at = start;
        long end = start + length;
        while (at < end) {
            Mapping m = mappingAt(at).orElse(null);
            if (m == null) {
                return false;
            }
            at = m.end();
        }
        return true;
    }

    /** Whether no page of the range is mapped. */
    public synchronized boolean isFree(long start, long length) {
        if (start < 0 || length <= 0 || start + length > limit || start + length < start) {
            return false;
        }
        Map.Entry<Long, Mapping> below = mappings.lowerEntry(start + length);
        return below == null || below.getValue().end() <= start;
    }

    /**
     * The highest page-aligned start of a free range of {@code length} bytes that ends at or below {@code ceiling}
     * and starts at or above {@code floor}, as Linux's top-down mmap layout picks; -1 if there is none.
     */
    public synchronized long findFree(long length, long floor, long ceiling) {
        if (length <= 0 || length > limit) {
            return -1;
        }
        long top = Math.min(ceiling, limit) & ~PAGE_MASK;
        for (Mapping m : mappings.headMap(top, false).descendingMap().values()) {
            if (m.end() <= top && top - m.end() >= length && top - length >= floor) {
                return top - length;
            }
            top = Math.min(top, m.start());
        }
        return top - length >= floor ? top - length : -1;
    }

    /**
     * Moves the mappings and contents of [{@code from}, {@code from + length}) to {@code to}, which must be free
     * (mremap's move). The source becomes unmapped.
     */
    public synchronized void move(long from, long to, long length) {
        checkRange(from, length);
        checkRange(to, length);
        if (!isFree(to, length)) {
            throw new IllegalArgumentException("move target is not free");
        }
        long delta = to - from;
        List<Mapping> moved = new ArrayList<>();
        for (Mapping m : overlapping(from, from + length)) {
            moved.add(new Mapping(
                    Math.max(m.start(), from) + delta, Math.min(m.end(), from + length) + delta, m.protection()));
        }
        Map<Long, Page> movedPages = new HashMap<>();
        long first = from >>> PAGE_SHIFT;
        long last = (from + length) >>> PAGE_SHIFT;
        for (Long page : touchedPages(first, last)) {
            Page p = pages.remove(page);
            p.code = false;
            forbid(page);
            long target = page + (delta >> PAGE_SHIFT);
            // A flat frame is where its page is: the contents move to the frame of the new page.
            movedPages.put(target, flat() ? new Page(frames.move(p.frame, target << PAGE_SHIFT)) : p);
        }
        carve(from, from + length);
        for (Mapping m : moved) {
            mappings.put(m.start(), m);
        }
        pages.putAll(movedPages);
        frames.discard(from, from + length); // a flat pool's old frames: their contents are at the new pages now
        flushViews(from, from + length);
        flushViews(to, to + length);
    }

    /** The mapping that contains {@code address}. */
    public synchronized Optional<Mapping> mappingAt(long address) {
        Map.Entry<Long, Mapping> e = mappings.floorEntry(address);
        return e != null && e.getValue().contains(address) ? Optional.of(e.getValue()) : Optional.empty();
    }

    /** Every mapping in address order. */
    public synchronized List<Mapping> mappings() {
        return List.copyOf(mappings.values());
    }

    /** Host frames in use (pages that have been touched). */
    public synchronized int residentPages() {
        return pages.size();
    }

    /**
     * Marks the page (address >>> 12) as holding translated code; writes to it go to the listener first. An unmapped
     * page is ignored.
     */
    public void markCode(long page) {
        synchronized (this) {
            if (mappingAt(page << PAGE_SHIFT).isEmpty()) {
                return;
            }
            Page p = pages.computeIfAbsent(page, n -> new Page(frames.allocate(n << PAGE_SHIFT)));
            p.code = true;
            if (permissions != null && permissions.get(page) != 0) {
                permissions.set(page, FlatLayout.READ);
            }
        }
        for (TlbMemory view : views) {
            view.flushWrite(page);
        }
    }

    public synchronized boolean isCode(long page) {
        Page p = pages.get(page);
        return p != null && p.code;
    }

    /** Reads guest memory into {@code into}; throws the guest's #PF (and reads nothing) if a page is not readable. */
    public void copyIn(long address, byte[] into, int offset, int length) {
        check(address, length, Access.READ);
        int done = 0;
        while (done < length) {
            long at = address + done;
            int n = (int) Math.min(length - done, PAGE_SIZE - (at & PAGE_MASK));
            MemorySegment.copy(frame(at, Access.READ), ValueLayout.JAVA_BYTE, at & PAGE_MASK, into, offset + done, n);
            done += n;
        }
    }

    public byte[] copyIn(long address, int length) {
        byte[] bytes = new byte[length];
        copyIn(address, bytes, 0, length);
        return bytes;
    }

    /** Writes {@code from} to guest memory; throws the guest's #PF (and writes nothing) if a page is not writable. */
    public void copyOut(long address, byte[] from, int offset, int length) {
        check(address, length, Access.WRITE);
        int done = 0;
        while (done < length) {
            long at = address + done;
            int n = (int) Math.min(length - done, PAGE_SIZE - (at & PAGE_MASK));
            MemorySegment.copy(from, offset + done, frame(at, Access.WRITE), ValueLayout.JAVA_BYTE, at & PAGE_MASK, n);
            done += n;
        }
    }

    public void copyOut(long address, byte[] from) {
        copyOut(address, from, 0, from.length);
    }

    /** Writes {@code length} zero bytes, with the checks of {@link #copyOut}. */
    public void zero(long address, long length) {
        check(address, length, Access.WRITE);
        long done = 0;
        while (done < length) {
            long at = address + done;
            long n = Math.min(length - done, PAGE_SIZE - (at & PAGE_MASK));
            frame(at, Access.WRITE).asSlice(at & PAGE_MASK, n).fill((byte) 0);
            done += n;
        }
    }

    /**
     * The bytes of the NUL-terminated string at {@code address}, without the NUL; null when there is no NUL within
     * {@code max} bytes. Throws the guest's #PF when the string runs into an unreadable page.
     */
    public byte[] readCString(long address, int max) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long at = address;
        while (out.size() < max) {
            MemorySegment frame = frame(at, Access.READ);
            long offset = at & PAGE_MASK;
            while (offset < PAGE_SIZE && out.size() < max) {
                byte b = frame.get(ValueLayout.JAVA_BYTE, offset++);
                if (b == 0) {
                    return out.toByteArray();
                }
                out.write(b);
            }
            at = (at | PAGE_MASK) + 1;
        }
        return null;
    }

    /** Throws the fault an access of {@code length} bytes at {@code address} would raise, if any; no side effects. */
    public synchronized void check(long address, long length, Access access) {
        if (length <= 0) {
            return;
        }
        long last = address + length - 1;
        for (long page = address & ~PAGE_MASK; ; page += PAGE_SIZE) {
            long at = Math.max(page, address);
            Mapping m = resolveMapping(at, access);
            long through = Math.min(m.end() - 1, last);
            if (through == last) {
                return;
            }
            page = (through & ~PAGE_MASK);
        }
    }

    /**
     * The frame of the page holding {@code address} for {@code access}, allocated on first touch; throws the
     * guest's fault if the access is not allowed. A write to a code page unmarks it and calls the listener first.
     */
    MemorySegment frame(long address, Access access) {
        return touch(address, access).frame;
    }

    /** {@link #frame}'s page: what a TLB fill needs, its frame's host address and whether it holds code. */
    Page touch(long address, Access access) {
        Page p;
        boolean codeWritten = false;
        long page = address >>> PAGE_SHIFT;
        synchronized (this) {
            Mapping m = resolveMapping(address, access);
            p = pages.get(page);
            if (p == null) {
                p = new Page(frames.allocate(page << PAGE_SHIFT));
                pages.put(page, p);
            }
            if (access == Access.WRITE && p.code) {
                p.code = false;
                codeWritten = true;
            }
            if (permissions != null) {
                permissions.set(page, permissionBits(m, p));
            }
        }
        if (codeWritten) {
            codeWriteListener.accept(page);
        }
        return p;
    }

    /** What compiled code may do to page {@code p} of mapping {@code m} without asking ({@link PermissionMap}). */
    private static int permissionBits(Mapping m, Page p) {
        int bits = Access.READ.allowedBy(m.protection()) ? FlatLayout.READ : 0;
        if (Access.WRITE.allowedBy(m.protection()) && !p.code) {
            bits |= FlatLayout.WRITE;
        }
        return bits;
    }

    private Mapping resolveMapping(long address, Access access) {
        if ((address << 16 >> 16) != address) {
            throw PageFaults.nonCanonical();
        }
        Map.Entry<Long, Mapping> e = address < 0 ? null : mappings.floorEntry(address);
        Mapping m = e == null || !e.getValue().contains(address) ? null : e.getValue();
        if (m == null) {
            throw PageFaults.pageFault(address, access, false);
        }
        if (!access.allowedBy(m.protection())) {
            throw PageFaults.pageFault(address, access, m.protection() != Protection.NONE);
        }
        return m;
    }

    private void checkRange(long start, long length) {
        if ((start & PAGE_MASK) != 0
                || (length & PAGE_MASK) != 0
                || length <= 0
                || start < 0
                || start + length > limit
                || start + length < start) {
            throw new IllegalArgumentException(String.format("bad page range 0x%x+0x%x", start, length));
        }
    }

    /** Removes every mapping and frame in [start, end). */
    private void remove(long start, long end) {
        carve(start, end);
        List<Long> touched = touchedPages(start >>> PAGE_SHIFT, end >>> PAGE_SHIFT);
        for (Long page : touched) {
            forbid(page);
            frames.release(pages.remove(page).frame);
        }
        if (!touched.isEmpty()) {
            frames.discard(start, end);
        }
    }

    /** The pages in [first, last) that have frames; costs the smaller of the range and the frames in use. */
    private List<Long> touchedPages(long first, long last) {
        List<Long> touched = new ArrayList<>();
        if (last - first > pages.size()) {
            for (Long page : pages.keySet()) {
                if (page >= first && page < last) {
                    touched.add(page);
                }
            }
        } else {
            for (long page = first; page < last; page++) {
                if (pages.containsKey(page)) {
                    touched.add(page);
                }
            }
        }
        return touched;
    }

    /** Cuts [start, end) out of the mappings, keeping the parts of overlapping mappings outside it; frames stay. */
    private void carve(long start, long end) {
        for (Mapping m : overlapping(start, end)) {
            mappings.remove(m.start());
            if (m.start() < start) {
                mappings.put(m.start(), new Mapping(m.start(), start, m.protection()));
            }
            if (m.end() > end) {
                mappings.put(end, new Mapping(end, m.end(), m.protection()));
            }
        }
    }

    private List<Mapping> overlapping(long start, long end) {
        List<Mapping> result = new ArrayList<>();
        Map.Entry<Long, Mapping> before = mappings.lowerEntry(start);
        if (before != null && before.getValue().end() > start) {
            result.add(before.getValue());
        }
        result.addAll(mappings.subMap(start, true, end, false).values());
        return result;
    }

    /** What compiled code may do to {@code page} without asking ({@link FlatLayout} bits); 0 when not flat. */
    synchronized int compiledAccess(long page) {
        return permissions != null ? permissions.get(page) : 0;
    }

    /** Takes compiled code's permissions on {@code page} away: its next access asks this space. */
    private void forbid(long page) {
        if (permissions != null) {
            permissions.clear(page);
        }
    }

    private void flushViews(long start, long end) {
        for (TlbMemory view : views) {
            view.flush(start >>> PAGE_SHIFT, (end + PAGE_MASK) >>> PAGE_SHIFT);
        }
    }

    /**
     * Frees the host memory. Views of this space must not be used afterwards: their TLBs are emptied first, so their
     * accesses miss and throw. No CPU may be running guest code on this space while it closes (a TLB hit in flight
     * would touch freed memory).
     */
    @Override
    public synchronized void close() {
        for (TlbMemory view : views) {
            view.flush();
        }
        mappings.clear();
        pages.clear();
        views.clear();
        frames.close();
        if (permissions != null) {
            permissions.close();
        }
    }
}
