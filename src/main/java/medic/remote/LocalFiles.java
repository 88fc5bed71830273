package medic.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import medic.remote.RemoteException.Cause;

/** Reads files with a size cap and replaces them atomically, on the local filesystem. */
final class LocalFiles {

    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private final String host;

    LocalFiles(String host) {
        this.host = host;
    }

    byte[] read(Path path, long maxBytes) {
        try (InputStream input = Files.newInputStream(path)) {
            // Read one byte past the cap: the file may grow while it is read (an error log does).
            byte[] content = input.readNBytes(maxBytes >= MAX_ARRAY_BYTES ? MAX_ARRAY_BYTES : (int) maxBytes + 1);
            if (content.length > maxBytes) {
                throw new RemoteException(host, "read", Cause.OUTPUT_TOO_LARGE, path + " is larger than "
                        + maxBytes + " bytes; read an excerpt instead (tail -c)", null);
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new RemoteException(host, "read", Cause.TRANSFER_FAILED, path + " does not exist", e);
        } catch (IOException e) {
            throw new RemoteException(host, "read", Cause.TRANSFER_FAILED, "cannot read " + path + ": " + e, e);
        }
    }

    void writeAtomically(String target, byte[] content) {
        TemporarySibling sibling;
        try {
            sibling = TemporarySibling.of(target);
        } catch (IllegalArgumentException e) {
            throw new RemoteException(host, "write", Cause.CONFIG, e.getMessage(), e);
        }
        Path targetPath = Path.of(target);
        Path temporary = Path.of(sibling.temporaryPath());
        boolean created = false;
        try {
            Set<PosixFilePermission> permissions = Files.exists(targetPath)
                    ? Files.getPosixFilePermissions(targetPath) : null;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                created = true;
                if (permissions != null) {
                    Files.setPosixFilePermissions(temporary, permissions);
                }
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, targetPath, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            removeQuietly(temporary, created);
            throw new RemoteException(host, "write", Cause.TRANSFER_FAILED, "cannot rename " + temporary + " over "
                    + target + " atomically: " + e.getMessage(), e);
        } catch (IOException e) {
            removeQuietly(temporary, created);
            throw new RemoteException(host, "write", Cause.TRANSFER_FAILED, "cannot replace " + target + " ("
                    + e + "); the original is unchanged", e);
        }
    }

    private static void removeQuietly(Path temporary, boolean created) {
        if (!created) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The write already failed; that error is the one to report.
        }
    }
}
