package dk.flis.common.yr;

/** One step of a refusion or medfinansiering ladder: from this ydelsestæller on, this sats (percent). */
public record LadderStep(int fra, int sats) {}
