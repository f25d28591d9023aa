package io.hookwire.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy iteration over the items of a paged list: a page is fetched when the items run out. */
final class Pages {

  private Pages() {}

  /** One page: its items, and the cursor of the next page ({@code null} on the last). */
  record Page<C, T>(List<T> items, C next) {}

  /**
   * The items of every page, starting with the page of cursor {@code first} (may be {@code null}).
   * Each call of {@link Iterable#iterator()} starts again from the first page.
   */
  static <C, T> Iterable<T> iterable(C first, Function<C, Page<C, T>> fetch) {
    return () -> new PageIterator<>(first, fetch);
  }

  static <C, T> Stream<T> stream(C first, Function<C, Page<C, T>> fetch) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new PageIterator<>(first, fetch), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private static final class PageIterator<C, T> implements Iterator<T> {
    private final Function<C, Page<C, T>> fetch;
    private C next;
    private boolean more = true;
    private Iterator<T> current = List.<T>of().iterator();

    PageIterator(C first, Function<C, Page<C, T>> fetch) {
      this.next = first;
      this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && more) {
        Page<C, T> page = fetch.apply(next);
        current = page.items() == null ? List.<T>of().iterator() : page.items().iterator();
        next = page.next();
        more = next != null;
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
