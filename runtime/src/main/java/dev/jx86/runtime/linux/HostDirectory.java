package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An open host directory: the base of *at calls and the source of getdents64. The listing ("." and ".." first, as
 * Linux gives them) is taken when reading starts and again after a seek to 0.
 */
final class HostDirectory extends OpenFile {
    /** One directory entry as getdents64 reports it. */
    record Entry(long inode, int type, byte[] name) {}

    private final Path path;
    private List<Entry> entries;
    private int position;

    HostDirectory(Path path, int statusFlags) {
        super(statusFlags);
        this.path = path;
    }

    @Override
    long read(byte[] buffer, int length) {
        return -Errno.EISDIR;
    }

    @Override
    long seek(long offset, int whence) {
        if (whence != 0 || offset < 0) {
            return -Errno.EINVAL;
        }
        if (offset == 0) {
            entries = null;
        }
        position = (int) Math.min(offset, Integer.MAX_VALUE);
        return offset;
    }

    /** The entries from the current position on; advance with {@link #advance}. */
    List<Entry> remaining() throws IOException {
        if (entries == null) {
            entries = list();
        }
        return position >= entries.size() ? List.of() : entries.subList(position, entries.size());
    }

    /** The directory offset after entry {@code index} of {@link #remaining} (d_off). */
    long offsetAfter(int index) {
        return position + index + 1;
    }

    void advance(int count) {
        position += count;
    }

    private List<Entry> list() throws IOException {
        List<Entry> list = new ArrayList<>();
        list.add(new Entry(FileStat.of(path, true).inode(), FileStat.S_IFDIR >>> 12, bytes(".")));
        Path parent = path.getParent() == null ? path : path.getParent();
        list.add(new Entry(FileStat.of(parent, true).inode(), FileStat.S_IFDIR >>> 12, bytes("..")));
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
            for (Path child : stream) {
                try {
                    FileStat s = FileStat.of(child, false);
                    list.add(new Entry(
                            s.inode(), s.direntType(), bytes(child.getFileName().toString())));
                } catch (IOException gone) {
                    // Removed while listing: Linux would not report it either.
                }
            }
        }
        return list;
    }

    private static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    FileStat stat() throws IOException {
        return FileStat.of(path, true);
    }

    @Override
    Optional<Path> path() {
        return Optional.of(path);
    }

    @Override
    void release() {}
}
