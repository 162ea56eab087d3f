package io.akhbar.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** A response body as received: its bytes, or why we stopped receiving it. */
sealed interface ResponseBody {
    record Received(byte[] bytes) implements ResponseBody {
    }

    record Refused(FailureReason reason, String detail) implements ResponseBody {
    }

    /**
     * Collects the body, and hangs up as soon as it grows past the limit rather than downloading the rest. A body
     * not complete within {@code timeLeft} fails with an {@link HttpTimeoutException} saying {@code lateDetail}: the
     * HTTP client's own request timeout ends once the headers are in.
     */
    static HttpResponse.BodySubscriber<ResponseBody> collecting(int limit, Duration timeLeft, String lateDetail) {
        return new Collector(limit, timeLeft, lateDetail);
    }

    /** Hangs up without reading the body at all. */
    static HttpResponse.BodySubscriber<ResponseBody> refusing(FailureReason reason, String detail) {
        return new Refuser(new Refused(reason, detail));
    }

    final class Collector implements HttpResponse.BodySubscriber<ResponseBody> {
        private final int limit;
        private final Duration timeLeft;
        private final String lateDetail;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CompletableFuture<ResponseBody> body = new CompletableFuture<>();
        /** Completed with the body, which withdraws the timeout from the timer's queue. */
        private final CompletableFuture<Void> deadline = new CompletableFuture<>();
        private Flow.Subscription subscription;

        private Collector(int limit, Duration timeLeft, String lateDetail) {
            this.limit = limit;
            this.timeLeft = timeLeft;
            this.lateDetail = lateDetail;
            body.whenComplete((done, error) -> deadline.complete(null));
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            // CompletableFuture's one shared timer thread: a response costs no thread of its own.
            deadline.orTimeout(timeLeft.toNanos(), TimeUnit.NANOSECONDS).whenComplete((done, late) -> {
                if (late != null && body.completeExceptionally(new HttpTimeoutException(lateDetail))) {
                    subscription.cancel();
                }
            });
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.isDone()) {
                    return;
                }
                if ((long) received.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    body.complete(new Refused(FailureReason.TOO_LARGE, "body exceeds " + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                received.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(new Received(received.toByteArray()));
        }

        @Override
        public CompletionStage<ResponseBody> getBody() {
            return body;
        }
    }

    final class Refuser implements HttpResponse.BodySubscriber<ResponseBody> {
        private final CompletableFuture<ResponseBody> body;

        private Refuser(Refused refusal) {
            this.body = CompletableFuture.completedFuture(refusal);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
        }

        @Override
        public void onError(Throwable error) {
        }

        @Override
        public void onComplete() {
        }

        @Override
        public CompletionStage<ResponseBody> getBody() {
            return body;
        }
    }
}
