package dk.flis.jobs.landing;

import dk.flis.common.calendar.DeliveryMonth;
import java.util.List;

/** A delivery whose manifest has been checked against its files. */
public record Delivery(DeliveryMonth month, String folder, List<DeliveryFile> files) {}
