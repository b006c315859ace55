package io.pollwatt.platform.http;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A database that is not there: every connection attempt fails with the exception given, or hangs until released. */
final class FailingDataSource implements DataSource {

    private volatile Supplier<SQLException> failure;
    private volatile CountDownLatch hang;

    FailingDataSource(Supplier<SQLException> failure) {
        this.failure = failure;
    }

    void failWith(Supplier<SQLException> failure) {
        this.failure = failure;
        this.hang = null;
    }

    /** Connection attempts block until {@code release} counts down, then fail. */
    void hangUntil(CountDownLatch release) {
        this.hang = release;
    }

    @Override
    public Connection getConnection() throws SQLException {
        CountDownLatch h = hang;
        if (h != null) {
            try {
                h.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw failure.get();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw failure.get();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
