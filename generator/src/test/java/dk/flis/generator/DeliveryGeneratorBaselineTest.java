package dk.flis.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cpr_borger, befolkning and dfdg_visitation are byte-identical to what the generator wrote before
 * dfdg_aktivitet and dfdg_samtale existed (sha256 recorded from that code: scale 0.005, 2020-01..2020-04, seed 7,
 * defects 0 and 0.02). Their manifest rows and truth lines are unchanged too. If a deliberate change to the
 * visitation world breaks this, record the new sums here.
 */
class DeliveryGeneratorBaselineTest {
    static final Set<String> OLD_FILES = Set.of("befolkning.csv.gz", "cpr_borger.csv", "dfdg_visitation.csv");

    /** month, file, sha256 at defects 0, sha256 at defects 0.02 ("truth" = the month's karantaene.csv). */
    static final String[][] RECORDED = {
        {"2020-01", "befolkning.csv.gz", "c9557ba087a44647341198e31fe16850f1acbebb65b65fbbd4995dea50a9d24f",
            "a425822d3164b85bdcd8849853826b43ea40fedc916057394ab957f6384207a2"},
        {"2020-01", "cpr_borger.csv", "1244a348e64e1b0fafe2b03f5a136de4986f459ec07470f6b612bd6d50d9501a",
            "b09e268238ab20d4ed75fe4259bb2cd6f94508935a8b1dc7237c84c5eb5a14e5"},
        {"2020-01", "dfdg_visitation.csv", "4da1ce49105585ab79d801b4c7a0d8bea8812985ee1095cb8cf83354eea8b1f1",
            "e891c5568e30fee6e834ea13e78f8c7ab402e3c302a82e85b44a2f87b8e17219"},
        {"2020-01", "_manifest.csv", "898ebd309ae41d1d8b00995d526109128a2bec1e504b98c031d338c73226d562",
            "3eb6250bb822740845be6a4e150808ff16eef1917ed025b270c8ddb30eabcab3"},
        {"2020-01", "truth", null, "77ee50d0f9bb05a5c820dea8e56d0b190bf80972240c5e40eeb34bd60aa5c01b"},
        {"2020-02", "befolkning.csv.gz", "aa785d84c267985b943758070b69e75b8a7289f8ecc089b911ee63c205f473ba",
            "51797e152f951f56efec91072f919b6bc00361f6f17cdcd2e109ad9e00ddc9c9"},
        {"2020-02", "cpr_borger.csv", "730f00c89c841a8dee044bb62d17cf3069fb178f096db93a60037268d18dc0be",
            "0d7c28e8a28b1d694fbc7050a90e8f3663ea4690eba2d754d62a224b0263c2d8"},
        {"2020-02", "dfdg_visitation.csv", "8e76956c6bb30b61b333a51ac5e8c53fccb7d88b220e1c3dffa510dfc182e606",
            "2bd44c6d3f8038478dbffcbcbe29ee6c03c67dc0fb382acc1f05b87c08d473b7"},
        {"2020-02", "_manifest.csv", "72ba87d33df01af1d51cf6406ff4d609c7bbf02cbf7498eabb2b7d5cb08db77c",
            "2f9db8c2f5fe1f46cd185c29b7b35dbc9fe3ca14e08dda6ccc54b55f7e4dc3c0"},
        {"2020-02", "truth", null, "d25c6d2a42c75451ea3b86679a034c3afc9e9dd4fc75cd341acc5c26b7f1234c"},
        {"2020-03", "befolkning.csv.gz", "46a6d0c285cbcc6da8b0f9649b0126a544a1a8e2a847affbbcc63a3b21952f40",
            "c97c1de0dd3de69828d32f5d2b5f104e46812ac64187126526c83ff418829526"},
        {"2020-03", "cpr_borger.csv", "f41e01f085a594ea08222ec21b640bbbf31c7dbc11735791f0ba76d6afcb368c",
            "ea9aa95e8fe598a314dcbd5b6f19001092cfa6475213798fa98f51260d0134bf"},
        {"2020-03", "dfdg_visitation.csv", "d9e909fcd4151c87c2eeaaeb3220050a56afedb8bbf3167018b77251b88c8660",
            "2a481af290023ddb28516ea158ad4756b59b20602636941f9dc87e46d430c208"},
        {"2020-03", "_manifest.csv", "e977890780d5f0f2cd3901bd4ed6f5d7e67fe00ef42ebe9268bab4faa3b3242e",
            "e43157b9ee0b9190cc7ec2e1077c30a68fc7f81408aa7336566e48b58c660d2c"},
        {"2020-03", "truth", null, "7836d6a8b683cbcc850a0b34e87df55ba6e6026cc265d8ec9cce3e0fb7428ebe"},
        {"2020-04", "befolkning.csv.gz", "131a63fd3a57b83e14ddeaea5acd749cfce0de412af3f3dfc8eacb00bc090330",
            "318231c62dd1e49f94e370979839ef1bcbd0e3a0ea1748804600ec755934aae8"},
        {"2020-04", "cpr_borger.csv", "bba0b2e63d8951e14236be5b691db574d605191d056d10f23e57875d33eccf72",
            "e1979af803362548ea225e941fbeed51a6fe47da9301129bd52e6f79c9b60631"},
        {"2020-04", "dfdg_visitation.csv", "bda958fd5a39f397f9360bda274980776855e0e0de52a5e97aee373efe61ce07",
            "ceda9e49b18a97ba3b37c9c0cfbb3f4ae65dc766b11860b634ed15be8bb889fb"},
        {"2020-04", "_manifest.csv", "5584b830bbe1410b037ab6270f81a24c270d8d05e17c04220757948f6844e2ec",
            "7a1482a26f8f614675d7040cc6889b60df158bfc029f0bcd34655ee920b322fd"},
        {"2020-04", "truth", null, "6667bcbf03547c002c9a5ae7ee2e078905529cb2bbd76c04446776b6cb18654b"},
    };

    @TempDir
    static Path tmp;

    @Test
    void theThreeOldFilesAreByteIdenticalToTheRecordedRun() throws IOException {
        Path clean = tmp.resolve("clean");
        Path dirty = tmp.resolve("dirty");
        YearMonth from = YearMonth.of(2020, 1);
        YearMonth to = YearMonth.of(2020, 4);
        new DeliveryGenerator(new GeneratorOptions(clean, from, to, 0.005, 7L, 0.0)).generate();
        new DeliveryGenerator(new GeneratorOptions(dirty, from, to, 0.005, 7L, 0.02)).generate();
        for (String[] r : RECORDED) {
            String what = r[0] + "/" + r[1];
            if (r[1].equals("truth")) {
                Path truth = dirty.resolve("_truth").resolve(r[0]).resolve("karantaene.csv");
                assertEquals(r[3], sha256(oldLinesOnly(truth)), what);
            } else if (r[1].equals("_manifest.csv")) {
                assertEquals(r[2], sha256(oldLinesOnly(clean.resolve(r[0]).resolve(r[1]))), what);
                assertEquals(r[3], sha256(oldLinesOnly(dirty.resolve(r[0]).resolve(r[1]))), what);
            } else {
                assertEquals(r[2], sha256(Files.readAllBytes(clean.resolve(r[0]).resolve(r[1]))), what);
                assertEquals(r[3], sha256(Files.readAllBytes(dirty.resolve(r[0]).resolve(r[1]))), what);
            }
        }
    }

    /** The header and the lines about the three old files (manifest and truth files start with the file name). */
    private static byte[] oldLinesOnly(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        lines.subList(1, lines.size()).stream().filter(l -> OLD_FILES.contains(l.substring(0, l.indexOf(';'))))
                .forEach(kept::add);
        return (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
