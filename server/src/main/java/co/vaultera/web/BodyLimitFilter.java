package co.vaultera.web;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads each request body once, up to {@value #LIMIT} bytes, and answers 400 IR_06 beyond that — whether the client
 * announced the length or streamed it chunked. Later layers (JSON parsing, request fingerprints) read the bytes
 * from memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodyLimitFilter extends OncePerRequestFilter {

    public static final int LIMIT = 32 * 1024;
    private static final String BODY_ATTRIBUTE = BodyLimitFilter.class.getName() + ".body";

    /** The raw body bytes of the current request (empty when it had none). */
    public static byte[] body(HttpServletRequest request) {
        Object body = request.getAttribute(BODY_ATTRIBUTE);
        return body instanceof byte[] bytes ? bytes : new byte[0];
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            ErrorBodies.write(response, tooLarge());
            return;
        }
        if (isForm(request)) {
            // Browser form posts (3DS pages, shoppers' returns) are read by the container as parameters, which
            // needs its own stream; the container caps their size (server.tomcat.max-http-form-post-size).
            chain.doFilter(request, response);
            return;
        }
        byte[] body = read(request);
        if (body.length > LIMIT) {
            ErrorBodies.write(response, tooLarge());
            return;
        }
        request.setAttribute(BODY_ATTRIBUTE, body);
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /**
     * The body, read into an array of its declared length where there is one: {@code readNBytes(LIMIT + 1)} starts
     * with a 16 KB buffer whatever the body's size, which was the largest allocation of a payment's request (the
     * switch's and the simulator's alike). Without a length or chunked encoding an HTTP/1.1 request has no body.
     */
    private static byte[] read(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length == 0 || (length < 0 && request.getHeader("Transfer-Encoding") == null)) {
            return new byte[0];
        }
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(length > 0 ? (int) length : LIMIT + 1);
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }

    private static ApiException tooLarge() {
        return new ApiException(ErrorCode.IR_06, "payload larger than allowed (limit: " + LIMIT + " bytes)");
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
