package dk.flis.common.spark;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's {@code file:} filesystem with one change: permissions are set through java.nio instead of a forked
 * {@code chmod}. Without Hadoop's native library (never present in a Maven/pip install) every file and folder
 * a Spark write creates costs a process fork; a gold table partitioned into 98 {@code kommunekode} folders
 * forked about 230 of them, which was most of its write time on a local disk. Everything else (checksums,
 * renames, listing) is Hadoop's own {@link org.apache.hadoop.fs.LocalFileSystem}. Only local paths are affected;
 * object stores and HDFS on a cluster never go through here. Delta's log goes through the other Hadoop API
 * ({@link LocalFs}), which gets the same raw filesystem.
 */
public final class LocalFileSystem extends org.apache.hadoop.fs.LocalFileSystem {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    public LocalFileSystem() {
        super(new NioPermissions());
    }

    static final class NioPermissions extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (!POSIX) {
                super.setPermission(p, permission);
                return;
            }
            Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission.toShort()));
        }

        /**
         * Without the native library Hadoop forks {@code readlink} here, for every rename of Delta's commit (eight
         * per commit, 544 forks in a one-file run); a file that is no symbolic link has its plain status.
         */
        @Override
        public FileStatus getFileLinkStatus(Path f) throws IOException {
            if (POSIX && !Files.isSymbolicLink(pathToFile(f).toPath())) {
                return getFileStatus(f);
            }
            return super.getFileLinkStatus(f);
        }
    }

    /** The nine rwx bits of a Hadoop permission (sticky and set-id bits are not used by Spark's writers). */
    static Set<PosixFilePermission> posix(short mode) {
        PosixFilePermission[] byBit = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < byBit.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                out.add(byBit[bit]);
            }
        }
        return out;
    }
}
