package co.vaultera.health;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness ({@code /health}) and readiness ({@code /health/ready}: the database answers). */
@RestController
public class HealthController {

    private final JdbcClient jdbc;

    public HealthController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "ok");
    }

    @GetMapping("/health/ready")
    ResponseEntity<Map<String, String>> ready() {
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            return ResponseEntity.ok(Map.of("status", "ok", "database", "up"));
        } catch (RuntimeException e) {
            return ResponseEntity.status(503).body(Map.of("status", "unavailable", "database", "down"));
        }
    }
}
