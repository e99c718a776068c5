package dk.flis.jobs.landing;

import dk.flis.common.landing.DreamColumns;
import dk.flis.common.landing.Source;
import java.util.List;

/**
 * One verified data file of a delivery: its source, name in the folder, full path, data-row count and checksum,
 * and for the wide DREAM file the wide columns its header holds (empty for every other source).
 */
public record DeliveryFile(Source source, String name, String path, long rows, String sha256,
                           List<DreamColumns.WideColumn> wide) {}
