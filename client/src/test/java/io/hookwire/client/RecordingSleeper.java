package io.hookwire.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that records the waits instead of waiting. */
final class RecordingSleeper implements ClientOptions.Sleeper {

  final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
  }

  ClientOptions options() {
    return ClientOptions.defaults().withSleeper(this);
  }
}
