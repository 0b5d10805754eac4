package co.vaultera.web;

import co.vaultera.connector.simulator.SimulatorApiServlet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times every API request into {@code http.server.requests}, tagged like Spring's own instrumentation (method, uri
 * template, status, outcome, error), which this filter replaces ({@code WebMvcObservationAutoConfiguration} is
 * excluded). Spring's version builds an observation, a context with key-values and an active-requests long-task
 * timer per request, and looks the timer up in the registry by its tags: about a tenth of the server's CPU per
 * customer retrieve (JFR samples). Here a request costs two clock reads and a map lookup of a small key.
 *
 * <p>The in-process simulator stands in for a processor elsewhere, so its requests are not the switch's API
 * traffic; the switch's side of each call is timed as {@code switch.connector.http}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class HttpServerMetricsFilter extends OncePerRequestFilter {

    private static final String METRIC = "http.server.requests";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    private final MeterRegistry meters;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    public HttpServerMetricsFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(SimulatorApiServlet.PATH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String error = "none";
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            error = e.getClass().getSimpleName();
            throw e;
        } finally {
            // An exception that got this far becomes the container's 500, whatever status was set before it.
            int status = error.equals("none") ? response.getStatus() : 500;
            Key key = new Key(method(request), uri(request, status), status, error);
            timers.computeIfAbsent(key, this::register).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer register(Key key) {
        return Timer.builder(METRIC)
                .description("Duration of HTTP server request handling")
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", outcome(key.status()))
                .tag("error", key.error())
                .register(meters);
    }

    /** Only the standard methods become tag values: a client cannot grow the metric with made-up ones. */
    private static String method(HttpServletRequest request) {
        String method = request.getMethod();
        return METHODS.contains(method) ? method : "UNKNOWN";
    }

    /** The matched route's template, never the concrete path (ids would make one series per object). */
    private static String uri(HttpServletRequest request, int status) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return pattern;
        }
        if (status == 404) {
            return "NOT_FOUND";
        }
        return status >= 300 && status < 400 ? "REDIRECTION" : "UNKNOWN";
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    private record Key(String method, String uri, int status, String error) {
    }
}
