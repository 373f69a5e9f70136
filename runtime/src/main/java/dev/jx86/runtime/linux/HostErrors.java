package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/** Translates the host's I/O exceptions into the errno Linux would have returned. */
final class HostErrors {
    private HostErrors() {}

    static int errno(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> Errno.ENOENT;
            case FileAlreadyExistsException x -> Errno.EEXIST;
            case DirectoryNotEmptyException x -> Errno.ENOTEMPTY;
            case AccessDeniedException x -> Errno.EACCES;
            case NotDirectoryException x -> Errno.ENOTDIR;
            case NotLinkException x -> Errno.EINVAL;
            case FileSystemLoopException x -> Errno.ELOOP;
            case FileSystemException x -> fromReason(x.getReason());
            default -> fromReason(e.getMessage());
        };
    }

    /** The NIO exceptions carry the host's strerror text; map the common ones back. */
    private static int fromReason(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.contains("is a directory")) {
            return Errno.EISDIR;
        } else if (r.contains("not a directory")) {
            return Errno.ENOTDIR;
        } else if (r.contains("read-only file system")) {
            return Errno.EROFS;
        } else if (r.contains("no space left")) {
            return Errno.ENOSPC;
        } else if (r.contains("permission denied") || r.contains("operation not permitted")) {
            return Errno.EACCES;
        } else if (r.contains("too many levels of symbolic links")) {
            return Errno.ELOOP;
        } else if (r.contains("file name too long")) {
            return Errno.ENAMETOOLONG;
        } else if (r.contains("invalid argument")) {
            return Errno.EINVAL;
        } else if (r.contains("cross-device")) {
            return Errno.EXDEV;
        } else if (r.contains("broken pipe")) {
            return Errno.EPIPE;
        } else if (r.contains("no such file")) {
            return Errno.ENOENT;
        } else if (r.contains("directory not empty")) {
            return Errno.ENOTEMPTY;
        } else if (r.contains("file exists")) {
            return Errno.EEXIST;
        }
        return Errno.EIO;
    }
}
