package org.openimr.system;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an API request's work in one transaction and, when another transaction changed the same
 * case first, runs it again from the start: records arriving while the records-due timer fires,
 * a withdrawal while another node works on the case. The engine detects such a collision when it
 * writes (an {@link OptimisticLockingException}); the database may report a lock conflict or
 * deadlock. Nothing of the failed attempt is kept, so the next attempt sees the other
 * transaction's result and decides afresh. After {@link #ATTEMPTS} attempts the request fails as
 * {@link ConcurrentChangeException}: refused and safe to send again, never half done.
 * <p>
 * Work called inside a transaction that is already running joins it and is not retried here:
 * a failed statement spoils the whole transaction, so only its owner can start over.
 */
@Component
public class RetryingTransactions {

    static final int ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(RetryingTransactions.class);

    private final TransactionTemplate transactions;

    RetryingTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T run(String what, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (OptimisticLockingException | ConcurrencyFailureException collision) {
                if (attempt == ATTEMPTS || !pause(attempt)) {
                    throw new ConcurrentChangeException(what, collision);
                }
                log.info("{}: another transaction changed the case first ({}); attempt {} of {}", what,
                        collision.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
            }
        }
    }

    public void run(String what, Runnable work) {
        run(what, () -> {
            work.run();
            return null;
        });
    }

    /** A short, growing, random pause, so that two colliding requests do not collide again in step; false when interrupted. */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every attempt collided with another transaction; nothing was saved and the request may be sent again. */
    public static class ConcurrentChangeException extends RuntimeException {

        ConcurrentChangeException(String what, Throwable lastCollision) {
            super(what + ": the case kept being changed by other requests; nothing was saved, send it again",
                    lastCollision);
        }
    }
}
