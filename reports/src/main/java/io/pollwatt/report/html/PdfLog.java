package io.pollwatt.report.html;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J (style.md §8); by default it prints to standard error through java.util.logging.
 * Its INFO lines are timings and progress for each PDF ("Prepare to fly"), so they go out at DEBUG. The adapter
 * artifact openhtmltopdf-slf4j is not served here, and this is all it does.
 */
final class PdfLog implements XRLogger {
    private PdfLog() {}

    /** Installs the adapter; openhtmltopdf keeps its logger in a static, so this is once per JVM. */
    static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfLog)) {
            XRLog.setLoggerImpl(new PdfLog());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(message, error);
        } else if (value >= Level.CONFIG.intValue()) {
            logger.debug(message, error);
        } else {
            logger.trace(message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels belong to the SLF4J backend's configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        if (value >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        }
        return value >= Level.CONFIG.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
