package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Buckets by key, and the refusals they remember, on a test clock. */
class KeyedBucketsTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  /** Far from zero, as System#nanoTime may be. */
  private final AtomicLong clock = new AtomicLong(-5 * SECOND);

  private final List<Bucket> made = new ArrayList<>();

  /** Real local buckets on the test clock, watched. */
  private final RateBuckets source =
      (key, limit) -> {
        Bucket bucket =
            spy(
                Bucket.builder()
                    .addLimit(limit)
                    .withCustomTimePrecision(
                        new TimeMeter() {
                          @Override
                          public long currentTimeNanos() {
                            return clock.get();
                          }

                          @Override
                          public boolean isWallClockBased() {
                            return false;
                          }
                        })
                    .build());
        made.add(bucket);
        return bucket;
      };

  private final KeyedBuckets twoASecond =
      new KeyedBuckets("tenant", 2, Duration.ofSeconds(1), source, clock::get);

  @Test
  void eachKeyHasItsOwnBucket() {
    assertThat(twoASecond.take("a")).isZero();
    assertThat(twoASecond.take("a")).isZero();
    assertThat(twoASecond.take("a")).isPositive();

    assertThat(twoASecond.take("b")).isZero();
    assertThat(made).hasSize(2);
  }

  @Test
  void aRefusedKeyIsRefusedWithoutAskingItsBucketUntilItsWaitIsOver() {
    twoASecond.take("a");
    twoASecond.take("a");
    long wait = twoASecond.take("a");
    assertThat(wait).isEqualTo(SECOND / 2);

    clock.addAndGet(wait / 2);
    assertThat(twoASecond.take("a")).isEqualTo(wait / 2);
    assertThat(twoASecond.take("a")).isEqualTo(wait / 2);
    verify(made.get(0), times(3)).tryConsumeAndReturnRemaining(1);

    clock.addAndGet(wait / 2);
    assertThat(twoASecond.take("a")).isZero();
    verify(made.get(0), times(4)).tryConsumeAndReturnRemaining(1);
  }

  @Test
  void whatComesNextIsTakenOnlyWhenThisBucketHadAToken() {
    AtomicLong asked = new AtomicLong();
    LongSupplier next =
        () -> {
          asked.incrementAndGet();
          return 0;
        };

    assertThat(twoASecond.take("a", next)).isZero();
    assertThat(twoASecond.take("a", next)).isZero();
    assertThat(asked).hasValue(2);

    assertThat(twoASecond.take("a", next)).isPositive();
    assertThat(twoASecond.take("a", next)).isPositive();
    assertThat(asked).as("asked after this bucket refused").hasValue(2);
  }

  @Test
  void whatComesNextRefusingIsTheAnswer() {
    assertThat(twoASecond.take("a", () -> SECOND)).isEqualTo(SECOND);
  }
}
