package dev.nn.io.data;

import dev.nn.api.Tensor;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The California housing data set (Pace and Barry, 1997; 1990 census, one row per block group)
 * as scikit-learn's {@code fetch_california_housing} returns it: 20,640 rows of the 8
 * {@link #FEATURE_NAMES} and the median house value in units of 100,000 dollars.
 *
 * <p>It has no official train/test split, so {@code load} returns every row as one {@link Split};
 * split it with {@link DataSplit#trainTestSplit} (the book: test fraction 0.2, or 0.25 twice).
 *
 * <p>Two sources are read:
 * <ul>
 * <li>StatLib's {@code cal_housing.tgz}, whose {@code CaliforniaHousing/cal_housing.data} has the
 *     columns longitude, latitude, housingMedianAge, totalRooms, totalBedrooms, population,
 *     households, medianIncome, medianHouseValue and no missing values;</li>
 * <li>the book's {@code housing.csv}: the same rows with a header (longitude, latitude,
 *     housing_median_age, total_rooms, total_bedrooms, population, households, median_income,
 *     median_house_value, ocean_proximity), 207 empty total_bedrooms and an added category,
 *     ocean_proximity, which the 8 features leave out. The missing bedroom counts are replaced by
 *     the median of total_bedrooms over all rows (435), before dividing by households, as the
 *     book's {@code SimpleImputer(strategy="median")} does.</li>
 * </ul>
 * Both give MedInc = median income, HouseAge = housing median age, AveRooms = total rooms /
 * households, AveBedrms = total bedrooms / households, Population, AveOccup = population /
 * households, Latitude, Longitude; target = median house value / 100,000.
 */
public final class CaliforniaHousing {

    private static final Logger log = LoggerFactory.getLogger(CaliforniaHousing.class);

    public static final List<String> FEATURE_NAMES = List.of("MedInc", "HouseAge", "AveRooms", "AveBedrms",
            "Population", "AveOccup", "Latitude", "Longitude");

    static final String ARCHIVE = "cal_housing.tgz";
    static final String CSV = "housing.csv";

    // scikit-learn's copy of the StatLib archive (checksum published with fetch_california_housing),
    // then Luis Torgo's page, which the scikit-learn source names as the original.
    public static final DatasetSource SOURCE = new DatasetSource("California housing", "california-housing",
            List.of(new RemoteFile(ARCHIVE, List.of(URI.create("https://ndownloader.figshare.com/files/5976036"),
                    URI.create("https://www.dcc.fc.up.pt/~ltorgo/Regression/cal_housing.tgz")),
                    "aaa5c9a6afe2225cc2aed2723682ae403280c4a3695a2ddda4ffb5d8215ea681")),
            List.of());

    private static final int ROWS = 20_640;
    private static final long MAX_DATA_BYTES = 16L << 20;

    private CaliforniaHousing() {
    }

    /** From the cache or a download of the StatLib archive; see {@link DataLocator}. */
    public static Split load() throws IOException {
        return load(DataLocator.defaults());
    }

    public static Split load(DataLocator locator) throws IOException {
        return fromArchive(locator.locate(SOURCE).getFirst());
    }

    /**
     * From {@code cal_housing.tgz} or {@code housing.csv}, told apart by the name, or from a
     * directory holding either (the archive is preferred).
     */
    public static Split load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve(ARCHIVE))) {
                return fromArchive(path.resolve(ARCHIVE));
            }
            if (Files.isRegularFile(path.resolve(CSV))) {
                return fromCsv(path.resolve(CSV));
            }
            throw new DataNotFoundException(path + " holds neither " + ARCHIVE + " nor " + CSV
                    + "; download " + ARCHIVE + " from " + SOURCE.files().getFirst().urls().getFirst() + " into it", null);
        }
        String name = path.getFileName().toString();
        return name.endsWith(".csv") || name.endsWith(".csv.gz") ? fromCsv(path) : fromArchive(path);
    }

    /** From StatLib's {@code cal_housing.tgz}. */
    public static Split fromArchive(Path tgz) throws IOException {
        byte[] data;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 1 << 16)) {
            data = TarReader.read(in, tgz.toString(),
                    p -> p.endsWith("cal_housing.data") && !p.substring(p.lastIndexOf('/') + 1).startsWith("._"),
                    MAX_DATA_BYTES);
        } catch (EOFException | ZipException e) {
            throw new MalformedDataException(tgz + ": not a complete gzip-compressed tar archive (" + e.getMessage()
                    + "); download cal_housing.tgz again", e);
        }
        String source = tgz + "!cal_housing.data";
        List<double[]> rows = NumericLines.read(new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(data), StandardCharsets.US_ASCII)), source, 9, 1);
        checkRows(rows.size(), source);
        float[] x = new float[rows.size() * 8];
        float[] y = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            derive(x, y, i, r[7], r[2], r[3], r[4], r[5], r[6], r[1], r[0], r[8]);
        }
        return split(x, y);
    }

    /**
     * From the book's {@code housing.csv}. Its 207 missing total_bedrooms are imputed from the
     * median bedrooms-per-room ratio times the row's rooms: imputing the count itself (a median of
     * 435) would give small blocks absurd average-bedroom values, outliers the original data
     * does not have.
     */
    public static Split fromCsv(Path csv) throws IOException {
        CsvTable table = CsvReader.read(csv);
        EncodedTable t = new TableEncoder().withTarget("median_house_value").withIgnored("ocean_proximity")
                .withMissing(MissingPolicy.MEDIAN).encode(table);
        checkRows(t.x().dim(0), csv.toString());
        int income = t.feature("median_income");
        int age = t.feature("housing_median_age");
        int rooms = t.feature("total_rooms");
        int bedrooms = t.feature("total_bedrooms");
        int population = t.feature("population");
        int households = t.feature("households");
        int latitude = t.feature("latitude");
        int longitude = t.feature("longitude");
        float[] in = t.x().buffer();
        float[] target = t.y().buffer();
        int cols = t.featureNames().size();
        boolean[] missingBedrooms = new boolean[target.length];
        int bedroomsColumn = table.column("total_bedrooms");
        List<Double> ratios = new java.util.ArrayList<>();
        for (int i = 0; i < target.length; i++) {
            missingBedrooms[i] = TableEncoder.isMissing(table.value(i, bedroomsColumn));
            if (!missingBedrooms[i]) {
                ratios.add((double) in[i * cols + bedrooms] / in[i * cols + rooms]);
            }
        }
        java.util.Collections.sort(ratios);
        double medianRatio = ratios.isEmpty() ? 0 : ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
                : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
        float[] x = new float[target.length * 8];
        float[] y = new float[target.length];
        for (int i = 0; i < target.length; i++) {
            int o = i * cols;
            double bedroomCount = missingBedrooms[i] ? medianRatio * in[o + rooms] : in[o + bedrooms];
            derive(x, y, i, in[o + income], in[o + age], in[o + rooms], bedroomCount, in[o + population],
                    in[o + households], in[o + latitude], in[o + longitude], target[i]);
        }
        return split(x, y);
    }

    private static void derive(float[] x, float[] y, int i, double income, double age, double rooms, double bedrooms,
            double population, double households, double latitude, double longitude, double value) {
        int o = i * 8;
        x[o] = (float) income;
        x[o + 1] = (float) age;
        x[o + 2] = (float) (rooms / households);
        x[o + 3] = (float) (bedrooms / households);
        x[o + 4] = (float) population;
        x[o + 5] = (float) (population / households);
        x[o + 6] = (float) latitude;
        x[o + 7] = (float) longitude;
        y[i] = (float) (value / 100_000.0);
    }

    private static void checkRows(int rows, String source) {
        if (rows != ROWS) {
            // Not an error: a subset (or a test file) is legitimate, but worth knowing about.
            log.warn("{}: {} rows, the full data set has {}", source, rows, ROWS);
        }
    }

    private static Split split(float[] x, float[] y) {
        return new Split(Tensor.wrap(x, y.length, 8), Tensor.wrap(y, y.length));
    }
}
