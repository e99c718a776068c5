package dk.flis.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Charts of small results with JFreeChart, returned as images: a notebook cell whose last expression is the image
 * shows it inline as PNG. Each takes a result with one row per category (and series), in the order to draw.
 */
public final class Charts {
    /** A chart is of an aggregate; more rows than this means the query forgot to aggregate. */
    static final int MAX_ROWS = 5_000;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private Charts() {}

    /** Bars of {@code value} per {@code category}, one colour per {@code series} (null: one series). */
    public static BufferedImage bars(Dataset<Row> result, String category, String series, String value,
                                     String title) {
        JFreeChart chart = ChartFactory.createBarChart(title, category, value,
                dataset(result, category, series, value), PlotOrientation.VERTICAL, series != null, false, false);
        return render(chart, false);
    }

    /** Stacked bars: the parts of each category's total, e.g. the status 13 weeks after, per benefit. */
    public static BufferedImage stackedBars(Dataset<Row> result, String category, String series, String value,
                                            String title) {
        JFreeChart chart = ChartFactory.createStackedBarChart(title, category, value,
                dataset(result, category, series, value), PlotOrientation.VERTICAL, true, false, false);
        return render(chart, false);
    }

    /** Lines of {@code value} over {@code category} (weeks, months), one line per {@code series}. */
    public static BufferedImage lines(Dataset<Row> result, String category, String series, String value,
                                      String title) {
        JFreeChart chart = ChartFactory.createLineChart(title, category, value,
                dataset(result, category, series, value), PlotOrientation.VERTICAL, series != null, false, false);
        return render(chart, true);
    }

    static DefaultCategoryDataset dataset(Dataset<Row> result, String category, String series, String value) {
        List<Row> rows = (series == null ? result.selectExpr(category, value)
                : result.selectExpr(category, value, series)).limit(MAX_ROWS + 1).collectAsList();
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("More than " + MAX_ROWS + " rows to draw: aggregate first (GROUP BY "
                    + category + (series == null ? "" : ", " + series) + ").");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Row r : rows) {
            Object v = r.get(1);
            String key = series == null ? value : String.valueOf(r.get(2));
            data.addValue(v == null ? null : ((Number) v).doubleValue(), key, String.valueOf(r.get(0)));
        }
        return data;
    }

    private static BufferedImage render(JFreeChart chart, boolean manyCategories) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
        }
        CategoryAxis axis = plot.getDomainAxis();
        List<?> categories = plot.getDataset().getColumnKeys();
        int longest = categories.stream().mapToInt(c -> c.toString().length()).max().orElse(0);
        if (manyCategories || categories.size() > 12) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, categories.size() > 40 ? 8 : 10));
        } else if (categories.size() * longest > 80) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            axis.setMaximumCategoryLabelLines(2);
        }
        if (manyCategories && categories.size() > 26) {
            // Weeks: label about 26 of them (every k-th) so the axis stays readable; the others stay unlabelled.
            int every = (categories.size() + 25) / 26;
            for (int i = 0; i < categories.size(); i++) {
                if (i % every != 0) {
                    axis.setTickLabelPaint((Comparable<?>) categories.get(i), new Color(0, 0, 0, 0));
                }
            }
        }
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }
}
