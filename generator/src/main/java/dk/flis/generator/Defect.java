package dk.flis.generator;

import dk.flis.common.landing.QuarantineReason;
import java.time.YearMonth;

/** An injected bad row: {@code linje} is the 1-based physical line in the (decompressed) file, header = 1. */
public record Defect(YearMonth delivery, String fil, int linje, QuarantineReason aarsag) {}
