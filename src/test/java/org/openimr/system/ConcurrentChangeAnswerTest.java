package org.openimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A request that kept colliding with other transactions on the same case saved nothing; the
 * client, or a load balancer, is told that sending it again is right: 503 with Retry-After.
 */
class ConcurrentChangeAnswerTest {

    @Test
    void aRequestThatKeptCollidingIsAnsweredAsSafeToSendAgain() {
        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler().concurrentChange(
                new RetryingTransactions.ConcurrentChangeException("Records for case CM14-0000001",
                        new OptimisticLockingException("the case changed")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getDetail()).contains("nothing was saved", "Send the request again");
    }
}
