package dk.flis.jobs.lake;

/** The lakehouse zones; each is a folder under the lakehouse root and a namespace in {@code flis sql}. */
public enum Layer {
    BRONZE, SILVER, GOLD, AUDIT;

    public String dir() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
