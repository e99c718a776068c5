package dk.flis.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Picks values with fixed relative weights; insertion order is the only order, so picks are reproducible. */
final class WeightedChoice<T> {
    private final List<T> values = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    WeightedChoice<T> add(T value, double weight) {
        if (weight > 0) {
            total += weight;
            values.add(value);
            cumulative.add(total);
        }
        return this;
    }

    T pick(SplittableRandom rng) {
        double x = rng.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            if (x < cumulative.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    /** A pick different from {@code not} (there must be another value with weight). */
    T pickOther(SplittableRandom rng, T not) {
        T v;
        do {
            v = pick(rng);
        } while (v.equals(not));
        return v;
    }
}
