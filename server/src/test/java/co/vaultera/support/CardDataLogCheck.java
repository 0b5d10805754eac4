package co.vaultera.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * A log appender that searches every logged line (message, exception, diagnostic context) for the card numbers the
 * tests sent ({@link CardDataWatch}). Spring Boot sets logging up again when it starts a context, which removes
 * appenders it did not configure, so {@link #attach()} runs before every test.
 */
public final class CardDataLogCheck extends AppenderBase<ILoggingEvent> {

    private static final String NAME = "card-data-check";

    /** Attaches the check to the root logger unless it is there. */
    public static void attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        synchronized (CardDataLogCheck.class) {
            if (root.getAppender(NAME) == null) {
                CardDataLogCheck check = new CardDataLogCheck();
                check.setContext(context);
                check.setName(NAME);
                check.start();
                root.addAppender(check);
            }
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(thrown));
        }
        text.append('\n').append(event.getMDCPropertyMap());
        CardDataWatch.check("a " + event.getLevel() + " line of " + event.getLoggerName(), text.toString());
    }
}
