package co.vaultera;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import co.vaultera.support.CardDataWatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The card-data gate of the security reference (§4): after every other test class of this JVM (its {@code @Order};
 * see junit-platform.properties) has sent its payments, refunds, failures and fuzz through the switch, no card number
 * a test sent may be in an answer, a log line, a database column (encrypted ones are searched too and must not
 * match) or a log file of the servers and PostgreSQL. {@link CardDataWatch} notes the numbers and checks answers and
 * log lines as they happen; this class reads what is stored.
 */
@Order(Integer.MAX_VALUE)
class CardDataLeakGateIT extends ApiTestSupport {

    @Test
    void noAnswerOrLogLineOfTheWholeRunHeldACardNumber() {
        assertThat(CardDataWatch.findings()).isEmpty();
    }

    @Test
    void noDatabaseColumnHoldsACardNumberInClear() {
        assertThat(columnsHoldingCardNumbers("public")).isEmpty();
    }

    @Test
    void noServerOrPostgresLogFileOfTheRunHoldsACardNumber() throws IOException {
        // This JVM's embedded PostgreSQL, and the servers CrashRecoveryIT ran as processes of their own (their
        // output and their PostgreSQL's logs stay under target/crash-*).
        List<Path> roots = new ArrayList<>(List.of(dataDir()));
        try (Stream<Path> crashRuns = Files.list(dataDir().getParent())) {
            crashRuns.filter(d -> d.getFileName().toString().startsWith("crash-")).forEach(roots::add);
        }
        List<Path> logs = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches(".*\\.(log|out)"))
                        .forEach(logs::add);
            }
        }
        assertThat(logs).as("log files under %s", roots).isNotEmpty();
        for (Path log : logs) {
            assertThat(CardDataWatch.numbersIn(Files.readString(log, StandardCharsets.ISO_8859_1)))
                    .as("card numbers in %s", log).isEmpty();
        }
    }

    @Test
    void theDatabaseSearchFindsACardNumberInTextJsonAndBytesColumns() {
        jdbc.sql("drop schema if exists gate_self_check cascade").update();
        jdbc.sql("create schema gate_self_check").update();
        try {
            jdbc.sql("create table gate_self_check.leaky (id int, note text, doc jsonb, blob bytea, clean text)")
                    .update();
            jdbc.sql("""
                    insert into gate_self_check.leaky values (1, 'card 4242424242424242 kept',
                           '{"card":{"number":"4242424242424242"}}', convert_to('pan=4242424242424242', 'UTF8'),
                           'card ending 4242')
                    """).update();
            assertThat(columnsHoldingCardNumbers("gate_self_check"))
                    .containsExactlyInAnyOrder("leaky.note", "leaky.doc", "leaky.blob");
        } finally {
            jdbc.sql("drop schema gate_self_check cascade").update();
        }
    }

    /**
     * The columns of the schema's tables where a noted card number is in some row: as text for text and JSON
     * columns, as the bytes' printable characters for bytea (where ciphertext never matches and plain bytes would).
     */
    private List<String> columnsHoldingCardNumbers(String schema) {
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name, data_type from information_schema.columns
                 where table_schema = ? and data_type in ('text', 'character varying', 'character', 'json', 'jsonb',
                                                          'bytea')
                 order by table_name, ordinal_position
                """).params(schema).query().listOfRows();
        String numbers = CardDataWatch.numbersAsRegex();
        List<String> holding = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String table = quoted(schema) + "." + quoted((String) c.get("table_name"));
            String column = quoted((String) c.get("column_name"));
            String asText = "bytea".equals(c.get("data_type")) ? "encode(" + column + ", 'escape')" : column + "::text";
            boolean found = jdbc.sql("select exists (select 1 from " + table + " where " + asText + " ~ ?)")
                    .params(numbers).query(Boolean.class).single();
            if (found) {
                holding.add(c.get("table_name") + "." + c.get("column_name"));
            }
        }
        return holding;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
