package dk.flis.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * CPR numbers DDMMYY-SSSS with the real century rule of the 7th digit (CPR-kontoret): 0–3 → 1900s; 4 and 9 →
 * 2000–2036 or 1937–1999; 5–8 → 2000–2057 or 1858–1899. The last digit is odd for men and even for women.
 * No modulus-11 check (not used for numbers issued since 2007).
 */
final class Cpr {
    private Cpr() {}

    static String of(LocalDate birth, boolean male, SplittableRandom rng) {
        int yy = birth.getYear() % 100;
        char century = centuryDigit(birth.getYear(), yy, rng);
        int middle = rng.nextInt(100);
        int last = rng.nextInt(5) * 2 + (male ? 1 : 0);
        return String.format("%02d%02d%02d%c%02d%d", birth.getDayOfMonth(), birth.getMonthValue(), yy, century,
                middle, last);
    }

    private static char centuryDigit(int year, int yy, SplittableRandom rng) {
        String allowed;
        if (year >= 1900 && year <= 1999) {
            allowed = yy >= 37 ? "012349" : "0123";
        } else if (year >= 2000 && year <= 2036) {
            allowed = "456789";
        } else if (year >= 2037 && year <= 2057) {
            allowed = "5678";
        } else {
            throw new IllegalArgumentException("No cpr century digit for year " + year);
        }
        return allowed.charAt(rng.nextInt(allowed.length()));
    }

    /** The birth date a valid cpr encodes. */
    static LocalDate birthDate(String cpr) {
        int dd = Integer.parseInt(cpr.substring(0, 2));
        int mm = Integer.parseInt(cpr.substring(2, 4));
        int yy = Integer.parseInt(cpr.substring(4, 6));
        int c = cpr.charAt(6) - '0';
        int century;
        if (c <= 3) {
            century = 1900;
        } else if (c == 4 || c == 9) {
            century = yy <= 36 ? 2000 : 1900;
        } else {
            century = yy <= 57 ? 2000 : 1800;
        }
        return LocalDate.of(century + yy, mm, dd);
    }

    static boolean isMale(String cpr) {
        return (cpr.charAt(9) - '0') % 2 == 1;
    }
}
