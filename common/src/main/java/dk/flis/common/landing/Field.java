package dk.flis.common.landing;

/** One column of a landing file. */
public record Field(String name, FieldType type) {
    public static Field of(String name, FieldType type) {
        return new Field(name, type);
    }
}
