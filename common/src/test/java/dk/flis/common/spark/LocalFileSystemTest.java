package dk.flis.common.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dk.flis.common.test.SparkExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class LocalFileSystemTest {
    @TempDir
    Path dir;

    @Test
    void hadoopModesBecomeTheSamePosixPermissions() {
        assertEquals("rw-r--r--", PosixFilePermissions.toString(LocalFileSystem.posix((short) 0644)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(LocalFileSystem.posix((short) 0755)));
        assertEquals("rwx-w---x", PosixFilePermissions.toString(LocalFileSystem.posix((short) 0721)));
        assertEquals("---------", PosixFilePermissions.toString(LocalFileSystem.posix((short) 0)));
    }

    /** Spark's writers get it for file: paths, and files and folders get the modes Hadoop asked for. */
    @Test
    void sessionWritesLocalFilesThroughIt(SparkSession spark) throws Exception {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir.toUri());
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        assertInstanceOf(LocalFileSystem.class, fs);

        org.apache.hadoop.fs.Path sub = new org.apache.hadoop.fs.Path(target, "a/b");
        fs.mkdirs(sub, new FsPermission((short) 0750));
        fs.setPermission(sub, new FsPermission((short) 0750));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));

        spark.range(3).write().parquet(dir.resolve("t").toString());
        assertEquals(3, spark.read().parquet(dir.resolve("t").toString()).count());
        try (var files = Files.list(dir.resolve("t"))) {
            Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(part)));
        }
    }

    /**
     * Delta commits through Hadoop's FileContext API (a temporary file, then a rename): it gets {@link LocalFs}, and
     * the file's mode, its status and the rename are what Hadoop's own gives.
     */
    @Test
    void fileContextWritesAndRenamesThroughIt(SparkSession spark) throws Exception {
        FileContext fc = FileContext.getFileContext(dir.toUri(), spark.sparkContext().hadoopConfiguration());
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(dir.toUri().toString(), ".0.json.tmp");
        org.apache.hadoop.fs.Path commit = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "0.json");
        assertInstanceOf(LocalFs.class, fc.getDefaultFileSystem());
        try (var out = fc.create(tmp, EnumSet.of(CreateFlag.CREATE), Options.CreateOpts.perms(
                new FsPermission((short) 0640)))) {
            out.write("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(
                ".0.json.tmp"))));
        var status = fc.getFileLinkStatus(tmp);
        assertFalse(status.isSymlink());
        assertEquals(3, status.getLen());
        fc.rename(tmp, commit, Options.Rename.NONE);
        assertEquals("{}\n", Files.readString(dir.resolve("0.json")));
        assertFalse(Files.exists(dir.resolve(".0.json.tmp")));
    }
}
