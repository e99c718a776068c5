package dk.flis.generator;

import dk.flis.common.reference.Municipalities;
import dk.flis.common.reference.Municipality;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * befolkning per delivery M: maaned = M−1, one row per municipality × koen (M, K) × alder 0..110, the
 * municipality's round(indbyggere × scale) people spread by {@link AgePyramid}. The same counts every month.
 */
final class Befolkning {
    private Befolkning() {}

    static List<BefolkningRow> rows(GeneratorOptions options) {
        List<Municipality> municipalities = Municipalities.all().stream()
                .sorted(Comparator.comparingInt(Municipality::kommunekode)).toList();
        List<int[][]> counts = municipalities.stream()
                .map(m -> AgePyramid.counts((int) Math.round(m.indbyggere() * options.scale()))).toList();
        List<BefolkningRow> rows = new ArrayList<>();
        for (YearMonth m = options.from(); !m.isAfter(options.to()); m = m.plusMonths(1)) {
            for (int i = 0; i < municipalities.size(); i++) {
                for (int sex = 0; sex < 2; sex++) {
                    for (int age = 0; age <= AgePyramid.MAX_AGE; age++) {
                        rows.add(new BefolkningRow(m, m.minusMonths(1), municipalities.get(i).kommunekode(),
                                AgePyramid.KOEN[sex], age, counts.get(i)[sex][age]));
                    }
                }
            }
        }
        return rows;
    }
}
