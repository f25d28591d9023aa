package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Auto Scale's marker over ids in order, as a store would read them. */
class MarkerTest {

  private static final List<UUID> IDS =
      List.of(
          UUID.fromString("152054a3-e0ab-445b-941d-9f8e360c9eed"),
          UUID.fromString("23037efb-53a9-4ae5-bc33-e89a56b501b6"),
          UUID.fromString("a0000000-0000-4000-8000-000000000000"),
          UUID.fromString("f0000000-0000-4000-8000-000000000000"));

  /** Reads: how the store was asked, so that a test can tell SQL from text comparison. */
  private final List<String> reads = new ArrayList<>();

  @ParameterizedTest(name = "after \"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "152054a3-e0ab-445b-941d-9f8e360c9eed | 1",
        "2                                    | 1",
        "23037efb                             | 1",
        "23037efb-53a9-4ae5-bc33-e89a56b501b6 | 2",
        "23037EFB-53A9-4AE5-BC33-E89A56B501B6 | 1",
        "9                                    | 2",
        "zzzz                                 | 4",
        "' '                                  | 0",
        "!                                    | 0"
      })
  void itemsWhoseIdsAreGreaterAsTextFollow(String marker, int skipped) {
    List<UUID> page = Marker.page(marker, 100, this::read, Function.identity());

    assertThat(page)
        .containsExactlyElementsOf(IDS.subList(Math.min(skipped, IDS.size()), IDS.size()));
  }

  @Test
  void aCanonicalIdIsComparedByTheStoreAPageAtATime() {
    assertThat(Marker.page(IDS.get(0).toString(), 2, this::read, Function.identity()))
        .containsExactly(IDS.get(1), IDS.get(2));
    assertThat(reads).containsExactly(IDS.get(0) + " 2");
  }

  @Test
  void otherTextReadsEveryItemAndKeepsAPage() {
    assertThat(Marker.page("23037efb", 1, this::read, Function.identity()))
        .containsExactly(IDS.get(1));
    assertThat(reads).containsExactly("null " + Integer.MAX_VALUE);
  }

  private List<UUID> read(UUID after, int size) {
    reads.add(after + " " + size);
    // The database's order of ids is the order of their canonical text (UUID#compareTo is not).
    return IDS.stream()
        .filter(id -> after == null || id.toString().compareTo(after.toString()) > 0)
        .limit(size)
        .toList();
  }
}
