package dk.flis.bench;

import dk.flis.common.calendar.DeliveryMonth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A landing folder that receives generated deliveries month by month, as the ministry's would. */
final class BenchLanding {
    private BenchLanding() {}

    /** Makes the given months of {@code generated} appear in {@code landing} (hard links: no copy of the bytes). */
    static void link(Path generated, Path landing, List<DeliveryMonth> months) {
        try {
            for (DeliveryMonth m : months) {
                Path to = Files.createDirectories(landing.resolve(m.toString()));
                try (Stream<Path> files = Files.list(generated.resolve(m.toString()))) {
                    for (Path f : files.toList()) {
                        Path target = to.resolve(f.getFileName().toString());
                        Files.deleteIfExists(target);
                        try {
                            Files.createLink(target, f);
                        } catch (UnsupportedOperationException | IOException e) {
                            Files.copy(f, target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
