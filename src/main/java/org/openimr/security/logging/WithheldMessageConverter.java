package org.openimr.security.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * The log message, less what exceptions put into it: a library that copies an exception's message
 * into its own line (Camunda's ENGINE-16004 "Exception while closing command context: ...") has
 * that copy withheld, and a stack trace logged as text (Camunda's REST API: ENGINE-REST-HTTP500)
 * keeps its frames and loses its messages. Registered in logback-spring.xml for %m, %msg, %message.
 */
public class WithheldMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        if (message == null) {
            return null;
        }
        message = withholdCopies(message, event.getThrowableProxy(), 0);
        return ExceptionMessages.holdsStackTrace(message) ? ExceptionMessages.withholdInStackTrace(message) : message;
    }

    private static String withholdCopies(String message, IThrowableProxy exception, int depth) {
        if (exception == null || depth > 20) {
            return message;
        }
        String copied = exception.getMessage();
        if (copied != null && !copied.isBlank() && message.contains(copied)
                && !ExceptionMessages.isStartUp(exception.getClassName())) {
            message = message.replace(copied, ExceptionMessages.withhold(copied));
        }
        if (exception.getSuppressed() != null) {
            for (IThrowableProxy suppressed : exception.getSuppressed()) {
                message = withholdCopies(message, suppressed, depth + 1);
            }
        }
        return withholdCopies(message, exception.getCause(), depth + 1);
    }
}
