package org.openimr.security.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;

/** An exception as logback prints it, with its message (and those of its causes) withheld. */
final class WithheldThrowableProxy implements IThrowableProxy {

    private final IThrowableProxy exception;

    WithheldThrowableProxy(IThrowableProxy exception) {
        this.exception = exception;
    }

    static IThrowableProxy of(IThrowableProxy exception) {
        return exception == null ? null : new WithheldThrowableProxy(exception);
    }

    @Override
    public String getMessage() {
        return ExceptionMessages.isStartUp(exception.getClassName()) ? exception.getMessage()
                : ExceptionMessages.withhold(exception.getMessage());
    }

    @Override
    public String getClassName() {
        return exception.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return exception.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return exception.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        return of(exception.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] suppressed = exception.getSuppressed();
        return suppressed == null ? null
                : Arrays.stream(suppressed).map(WithheldThrowableProxy::of).toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
        return exception.isCyclic();
    }
}
