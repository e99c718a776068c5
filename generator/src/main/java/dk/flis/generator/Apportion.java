package dk.flis.generator;

/** Largest-remainder apportionment: integer shares of a total in proportion to weights, ties to the lower index. */
final class Apportion {
    private Apportion() {}

    /** Shares summing to {@code total}; each at least {@code minimum} (taken off the top first). */
    static int[] shares(double[] weights, int total, int minimum) {
        int n = weights.length;
        int[] out = new int[n];
        int rest = total - minimum * n;
        if (rest < 0) {
            throw new IllegalArgumentException("Cannot give " + n + " shares at least " + minimum + " of " + total);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] remainder = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = sum == 0 ? 0 : rest * weights[i] / sum;
            out[i] = minimum + (int) Math.floor(exact);
            remainder[i] = exact - Math.floor(exact);
            given += out[i];
        }
        for (int left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
        }
        return out;
    }
}
