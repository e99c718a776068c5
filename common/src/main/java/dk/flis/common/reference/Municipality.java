package dk.flis.common.reference;

/** One of the 98 Danish municipalities; {@code indbyggere} is an approximate head count used for weighting. */
public record Municipality(int kommunekode, String kommunenavn, int regionskode, String regionsnavn, int indbyggere) {}
