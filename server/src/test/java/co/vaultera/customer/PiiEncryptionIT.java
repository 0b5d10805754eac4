package co.vaultera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import co.vaultera.support.ApiTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Name, email, phone and address lines reach the database only as ciphertext. */
class PiiEncryptionIT extends ApiTestSupport {

    @Test
    void theDatabaseFilesHoldNoPlaintextPii() throws IOException {
        TestMerchant merchant = newMerchant();
        String marker = UUID.randomUUID().toString().replace("-", "");
        List<String> secrets = List.of("Name" + marker, "mail" + marker + "@example.com", "Phone" + marker,
                "Line1" + marker, "Line2" + marker, "Zip" + marker, "First" + marker, "Last" + marker,
                "State" + marker);
        String plainCity = "City" + marker;
        post("/customers", merchant.apiKey(), """
                {"name":"%s","email":"%s","phone":"%s",
                 "address":{"line1":"%s","line2":"%s","zip":"%s","first_name":"%s","last_name":"%s","state":"%s",
                            "city":"%s"}}
                """.formatted(java.util.stream.Stream.concat(secrets.stream(), java.util.stream.Stream.of(plainCity))
                .toArray())).expect(200);
        // Flush every dirty page so the table files on disk hold what the rows hold.
        jdbc.sql("checkpoint").update();

        List<Path> hits = new ArrayList<>();
        boolean plainCityFound = false;
        try (var files = Files.walk(dataDir().resolve("postgres"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (secrets.stream().anyMatch(content::contains)) {
                    hits.add(file);
                }
                plainCityFound |= content.contains(plainCity);
            }
        }
        assertThat(hits).as("files holding plaintext PII").isEmpty();
        // City is stored plain by design: finding it proves the scan really reads the table files.
        assertThat(plainCityFound).as("the plain city column is visible to the scan").isTrue();

        // The same check through SQL, which also covers pages not yet written out.
        String customerRows = jdbc.sql("select string_agg(row_to_json(c)::text, '') from customer c")
                .query(String.class).single();
        String addressRows = jdbc.sql("select string_agg(row_to_json(a)::text, '') from address a")
                .query(String.class).single();
        assertThat(secrets).noneMatch(s -> customerRows.contains(s) || addressRows.contains(s));
        assertThat(secrets).noneMatch(s -> customerRows.contains(toHex(s)) || addressRows.contains(toHex(s)));
    }

    @Test
    void aCiphertextCopiedToAnotherCustomerDoesNotDecrypt() {
        TestMerchant merchant = newMerchant();
        String victim = unique("cus");
        String thief = unique("cus");
        post("/customers", merchant.apiKey(), "{\"customer_id\":\"" + victim + "\",\"name\":\"Victim\"}").expect(200);
        post("/customers", merchant.apiKey(), "{\"customer_id\":\"" + thief + "\",\"name\":\"Thief\"}").expect(200);
        jdbc.sql("""
                update customer set name = (select name from customer where merchant_id = ? and customer_id = ?)
                 where merchant_id = ? and customer_id = ?
                """).params(merchant.merchantId(), victim, merchant.merchantId(), thief).update();
        get("/customers/" + thief, merchant.apiKey()).expectError(500, "HE_00");
    }

    private static String toHex(String s) {
        return java.util.HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }
}
