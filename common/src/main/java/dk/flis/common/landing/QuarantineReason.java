package dk.flis.common.landing;

/**
 * Why a raw row went to bronze.quarantine. The code is the first word of {@code aarsag}
 * ({@code "CPR: cpr er ikke 10 cifre"}), so tests and operators can group by it.
 */
public enum QuarantineReason {
    FELTANTAL("antal felter svarer ikke til overskriften"),
    CPR("er ikke 10 cifre"),
    KOMMUNEKODE("er ikke en af de 98 kommunekoder"),
    DATO("er ikke en gyldig dato yyyy-MM-dd"),
    TIDSPUNKT("er ikke et gyldigt tidspunkt yyyy-MM-dd HH:mm:ss"),
    TAL("er ikke et gyldigt tal"),
    JA_NEJ("er ikke J eller N"),
    MAANED("er ikke en gyldig maaned YYYY-MM"),
    YDELSESKODE("er ikke en 3-cifret DREAM-ydelseskode"),
    GRAD("er ikke en beskaeftigelsesgrad mellem 0 og 1");

    private final String text;

    QuarantineReason(String text) {
        this.text = text;
    }

    /** e.g. {@code CPR: cpr er ikke 10 cifre}; never contains the value itself (it may be a cpr). */
    public String describe(String column) {
        return column == null ? name() + ": " + text : name() + ": " + column + " " + text;
    }
}
