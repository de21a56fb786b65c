package org.openimr.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Makes the nodes of a cluster that start at the same moment on one PostgreSQL database take
 * turns through start-up. What start-up sets up is checked first and created when missing: the
 * engine's tables ({@code camunda.bpm.database.schema-update}), the models ({@link ModelDeployment}),
 * groups, users, authorizations and Tasklist filters, the demo roster. Two nodes doing that at once
 * may both find a thing missing; then one fails to start on a duplicate key or, where no key stops
 * it (Tasklist filters), the thing exists twice. A PostgreSQL advisory lock, taken before the engine
 * is built and given back when the application is ready, makes a second node wait for the first and
 * then find everything in place. A node that dies while holding it loses its connection, and the
 * lock with it. H2 (the default profile) serves one node and takes no lock.
 */
@Component
class ClusterStartupLock implements ProcessEnginePlugin, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    /** The advisory lock's key; any number no other part of the application locks. */
    static final long LOCK_KEY = 7_494_382_001L;

    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

    private final DataSource dataSource;
    private Connection holder;

    ClusterStartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // Nothing to change in the configuration: the lock only orders the nodes.
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        // Held on: deployment and provisioning run after the engine is built.
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release();
    }

    /** A start-up that failed closes the context, and gives the lock back here. */
    @Override
    public void destroy() {
        release();
    }

    synchronized void acquire() {
        try {
            Connection connection = dataSource.getConnection();
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                connection.close();
                return;
            }
            try {
                if (!tryLock(connection)) {
                    log.info("Another node is starting on this database; waiting for it to finish setting up");
                    waitForLock(connection);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            holder = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock on the database (waited at most "
                    + WAIT.toMinutes() + " minutes for another node's start-up)", e);
        }
    }

    synchronized void release() {
        if (holder == null) {
            return;
        }
        Connection connection = holder;
        holder = null;
        try {
            try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, LOCK_KEY);
                unlock.execute();
            }
        } catch (SQLException e) {
            // The pool must not keep a session that may still hold the lock: ending it gives the lock back.
            log.warn("Could not give the start-up lock back; ending its database session instead: {}",
                    e.getClass().getName());
            abort(connection);
        } finally {
            close(connection);
        }
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            log.warn("Could not end the start-up lock's database session: {}", e.getClass().getName());
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Could not close the start-up lock's connection: {}", e.getClass().getName());
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Blocks until the lock is free, for at most {@link #WAIT}: PostgreSQL's lock_timeout covers advisory locks. */
    private static void waitForLock(Connection connection) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute("set lock_timeout = '" + WAIT.toSeconds() + "s'");
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            } finally {
                settings.execute("reset lock_timeout");
            }
        }
    }
}
