package dk.flis.generator;

import java.time.YearMonth;

/** A data file as written and listed in the manifest: {@code rows} includes {@code defectRows}. */
public record DeliveredFile(YearMonth delivery, String fil, int rows, int defectRows, String sha256) {}
