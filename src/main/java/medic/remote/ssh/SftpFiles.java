package medic.remote.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;

import medic.remote.RemoteException;
import medic.remote.RemoteException.Cause;
import medic.remote.TemporarySibling;
import medic.remote.ssh.SshConnection.ChannelSlot;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.SFTPClient;

/** Reads and atomically replaces files over SFTP, each operation in one channel slot of the connection. */
final class SftpFiles {

    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    private static final int READ_AHEAD_REQUESTS = 16;
    private static final long SLOT_WAIT_NANOS = 30_000_000_000L;

    private SftpFiles() {
    }

    static byte[] read(SshConnection connection, String path, long maxBytes) {
        String host = connection.target().name();
        long deadline = System.nanoTime() + SLOT_WAIT_NANOS;
        try (ChannelSlot slot = slot(connection, "read", deadline);
             SFTPClient sftp = connection.openSftp("read", deadline);
             RemoteFile file = sftp.open(path, EnumSet.of(OpenMode.READ));
             InputStream input = file.new ReadAheadRemoteFileInputStream(READ_AHEAD_REQUESTS)) {
            // One byte past the cap: the file may grow while it is read (an error log does).
            byte[] content = input.readNBytes(maxBytes >= MAX_ARRAY_BYTES ? MAX_ARRAY_BYTES : (int) maxBytes + 1);
            if (content.length > maxBytes) {
                throw new RemoteException(host, "read", Cause.OUTPUT_TOO_LARGE, path + " is larger than " + maxBytes
                        + " bytes; read an excerpt instead (tail -c)", null);
            }
            return content;
        } catch (IOException e) {
            throw new RemoteException(host, "read", Cause.TRANSFER_FAILED, "cannot read " + path + " over SFTP: "
                    + SshFailures.describe(e), e);
        }
    }

    static void writeAtomically(SshConnection connection, String target, byte[] content) {
        String host = connection.target().name();
        TemporarySibling sibling;
        try {
            sibling = TemporarySibling.of(target);
        } catch (IllegalArgumentException e) {
            throw new RemoteException(host, "write", Cause.CONFIG, e.getMessage(), e);
        }
        String temporary = sibling.temporaryPath();
        long deadline = System.nanoTime() + SLOT_WAIT_NANOS;
        try (ChannelSlot slot = slot(connection, "write", deadline);
             SFTPClient sftp = connection.openSftp("write", deadline)) {
            boolean created = false;
            try {
                FileAttributes original = sftp.statExistence(target);
                // Created with the original's mode at once, so a private file is never readable by others.
                FileAttributes attributes = original == null ? FileAttributes.EMPTY
                        : new FileAttributes.Builder().withPermissions(original.getMode().getPermissionsMask()).build();
                try (RemoteFile file = sftp.open(temporary, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL),
                        attributes)) {
                    created = true;
                    try (OutputStream output = file.new RemoteFileOutputStream(0, READ_AHEAD_REQUESTS)) {
                        output.write(content);
                    }
                }
                if (original != null) {
                    sftp.chmod(temporary, original.getMode().getPermissionsMask());
                }
                // OVERWRITE makes SSHJ use posix-rename@openssh.com: rename(2), atomic, replacing the target.
                sftp.rename(temporary, target, EnumSet.of(RenameFlags.OVERWRITE));
            } catch (IOException e) {
                if (created) {
                    removeQuietly(sftp, temporary);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new RemoteException(host, "write", Cause.TRANSFER_FAILED, "cannot replace " + target + " over SFTP ("
                    + SshFailures.describe(e) + "); the original is unchanged", e);
        }
    }

    private static ChannelSlot slot(SshConnection connection, String step, long deadline) throws IOException {
        try {
            ChannelSlot slot = connection.acquireChannel(deadline);
            if (slot == null) {
                throw new RemoteException(connection.target().name(), step, Cause.TIMEOUT, "no free channel on the"
                        + " connection within 30s (every one busy with a command)", null);
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a free channel", e);
        }
    }

    private static void removeQuietly(SFTPClient sftp, String temporary) {
        try {
            sftp.rm(temporary);
        } catch (IOException e) {
            // The write already failed; that error is the one to report.
        }
    }
}
