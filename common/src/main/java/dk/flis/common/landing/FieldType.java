package dk.flis.common.landing;

/** How a raw landing field is typed in bronze, and which quarantine reason a value that does not parse gets. */
public enum FieldType {
    TEXT(null),
    /** 10-digit string; leading zeros are real. */
    CPR(QuarantineReason.CPR),
    /** A cpr that may be empty (KY's ydelsesmodtager when the recipient is not a person, seed 003 §6.1.7). */
    CPR_OPTIONAL(QuarantineReason.CPR),
    /** 3-digit code of one of the 98 municipalities. */
    KOMMUNE(QuarantineReason.KOMMUNEKODE),
    DATE(QuarantineReason.DATO),
    /** Danish wall-clock, no zone: stored as TIMESTAMP_NTZ. */
    TIMESTAMP(QuarantineReason.TIDSPUNKT),
    INT(QuarantineReason.TAL),
    DECIMAL(QuarantineReason.TAL),
    /** J/N. */
    BOOL(QuarantineReason.JA_NEJ),
    /** YYYY-MM. */
    MONTH(QuarantineReason.MAANED),
    /** A DREAM ydelseskode: 3 digits, or empty (no public benefit that week). */
    DREAM_KODE(QuarantineReason.YDELSESKODE),
    /** DREAM beskæftigelsesgrad: a decimal from 0 to 1, or empty. */
    GRAD(QuarantineReason.GRAD),
    /** A kommunekode that may be empty (DREAM's arbejdssted). */
    KOMMUNE_OPTIONAL(QuarantineReason.KOMMUNEKODE);

    private final QuarantineReason reason;

    FieldType(QuarantineReason reason) {
        this.reason = reason;
    }

    /** The reason a non-empty value that does not parse is quarantined with (null for free text). */
    public QuarantineReason reason() {
        return reason;
    }
}
