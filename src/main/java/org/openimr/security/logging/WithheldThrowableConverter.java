package org.openimr.security.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Prints an exception as Spring Boot does (stack with packaging data, set off by blank lines) but
 * with every message in it withheld ({@link ExceptionMessages}). Registered in logback-spring.xml
 * for every conversion word that prints exceptions.
 */
public class WithheldThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy exception) {
        return super.throwableProxyToString(WithheldThrowableProxy.of(exception));
    }
}
