package dk.flis.generator;

/**
 * A Danish-looking population by sex and single year of age 0–110: flat-ish through working ages, thinning
 * after 75, a handful past 100; women outnumber men in old age. Deterministic (no randomness).
 */
final class AgePyramid {
    static final int MAX_AGE = 110;
    static final String[] KOEN = {"M", "K"};

    private AgePyramid() {}

    /** counts[0] men, counts[1] women, each indexed by age; sums to {@code total}. */
    static int[][] counts(int total) {
        double[] weights = new double[2 * (MAX_AGE + 1)];
        for (int age = 0; age <= MAX_AGE; age++) {
            double w = ageWeight(age);
            double male = maleShare(age);
            weights[age] = w * male;
            weights[MAX_AGE + 1 + age] = w * (1 - male);
        }
        int[] flat = Apportion.shares(weights, total, 0);
        int[][] out = new int[2][MAX_AGE + 1];
        for (int age = 0; age <= MAX_AGE; age++) {
            out[0][age] = flat[age];
            out[1][age] = flat[MAX_AGE + 1 + age];
        }
        return out;
    }

    /** Relative head count per year of age, linear between these (age, weight) anchors. */
    private static final double[][] ANCHORS = {{0, 1.00}, {5, 1.10}, {18, 1.15}, {25, 1.35}, {32, 1.20},
        {45, 1.25}, {55, 1.35}, {65, 1.15}, {75, 0.95}, {80, 0.75}, {90, 0.18}, {100, 0.006}, {110, 0.0001}};

    static double ageWeight(int age) {
        for (int i = 1; i < ANCHORS.length; i++) {
            if (age <= ANCHORS[i][0]) {
                double[] a = ANCHORS[i - 1];
                double[] b = ANCHORS[i];
                return a[1] + (b[1] - a[1]) * (age - a[0]) / (b[0] - a[0]);
            }
        }
        return ANCHORS[ANCHORS.length - 1][1];
    }

    private static double maleShare(int age) {
        if (age < 65) {
            return 0.505;
        } else if (age < 95) {
            return 0.505 - (age - 65) * 0.0068;
        }
        return 0.30;
    }
}
