package dk.flis.common.spark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FsConstants;

/**
 * Hadoop's {@code file:} filesystem for the {@code FileContext} API — the one Delta's log store commits through
 * (write a temporary file, rename it) — on {@link LocalFileSystem}'s raw filesystem, so a commit forks no
 * {@code chmod} or {@code readlink}: a one-file run forked 680 processes for its ~56 commits.
 */
public final class LocalFs extends ChecksumFs {
    public LocalFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
        super(new Raw(conf));
    }

    private static final class Raw extends DelegateToFileSystem {
        Raw(Configuration conf) throws IOException, URISyntaxException {
            super(FsConstants.LOCAL_FS_URI, new LocalFileSystem.NioPermissions(), conf,
                    FsConstants.LOCAL_FS_URI.getScheme(), false);
        }
    }
}
