package co.vaultera.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The wire format of every timestamp: ISO-8601 UTC with exactly three fractional digits and {@code Z}. */
public final class Timestamps {

    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** How {@link #parse} describes what it accepts, for error messages. */
    public static final String ACCEPTED = "an ISO-8601 date-time between the years 0001 and 9999";

    private Timestamps() {
    }

    /** Now, truncated to what we store, so a create response and a later read agree. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String format(Instant instant) {
        return instant == null ? null : WIRE.format(instant);
    }

    /**
     * A date-time a client sent: ISO-8601 with an offset, or without one (read as UTC), in the years 0001–9999,
     * which the database and the wire format can both hold (a year like +999999 parses but would fail later, a
     * 500 instead of a 400). Empty if it is not one.
     */
    public static Optional<Instant> parse(String raw) {
        Instant at;
        try {
            at = OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                at = LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADateTime) {
                return Optional.empty();
            }
        }
        return at.isBefore(FIRST) || at.isAfter(LAST) ? Optional.empty() : Optional.of(at);
    }
}
