package dk.flis.jobs.landing;

import dk.flis.common.landing.Source;

/** One verified data file of a delivery: its source, name in the folder, full path and data-row count. */
public record DeliveryFile(Source source, String name, String path, long rows, String sha256) {}
