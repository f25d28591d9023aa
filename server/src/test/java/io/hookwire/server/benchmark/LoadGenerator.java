package io.hookwire.server.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A closed-loop load generator in the manner of wrk: {@code connections} HTTP/1.1 keep-alive
 * connections (a new one when the server closes one), each sending its requests back to back, for a
 * warm-up and then a measured time. It shares the machine's cores with the servers, so it is lean,
 * as wrk is: a few threads (wrk's {@code -t2} by default), each driving its share of the
 * connections through one selector, so that the client adds few runnable threads to the servers'
 * own and little to their tail latency; each request is bytes prepared in advance, and each
 * response is read only as far as HTTP/1.1 framing needs (status line, headers, body by length or
 * chunks), then dropped.
 *
 * <p>Every response's status is checked; any other status, any I/O failure and any request left
 * unanswered for {@value #UNANSWERED_SECONDS} s at the end is an error, counted by kind in the
 * result and never in the rate or the latencies.
 */
final class LoadGenerator {

  private static final int UNANSWERED_SECONDS = 2;
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};
  private static final byte[] LINE_END = {'\r', '\n'};

  /** What one measurement gave: rate, latencies, the server's CPU per request, errors by kind. */
  record Result(
      double perSecond,
      double p50Millis,
      double p99Millis,
      double cpuMicros,
      Map<String, Long> errors) {

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final int connections;
  private final int threads;
  private final double warmupSeconds;
  private final double seconds;

  LoadGenerator(int connections, int threads, double warmupSeconds, double seconds) {
    this.connections = connections;
    this.threads = threads;
    this.warmupSeconds = warmupSeconds;
    this.seconds = seconds;
  }

  /**
   * Runs the load against {@code port} of the loopback interface: connection {@code i} sends the
   * requests {@code requests.apply(i)} supplies, each expected to answer {@code status}. {@code
   * serverCpuNanos} is read when the measured time starts and ends.
   */
  Result run(
      int port, IntFunction<Supplier<byte[]>> requests, int status, LongSupplier serverCpuNanos)
      throws InterruptedException {
    long measureFrom = System.nanoTime() + (long) (warmupSeconds * 1e9);
    Window measured = new Window(measureFrom, measureFrom + (long) (seconds * 1e9));
    List<Loop> loops = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Connection> share = new ArrayList<>();
      for (int i = t; i < connections; i += threads) {
        share.add(new Connection(requests.apply(i)));
      }
      loops.add(new Loop(port, share, status, measured));
    }
    loops.forEach(Thread::start);
    sleepUntil(measured.from());
    long cpuFrom = serverCpuNanos.getAsLong();
    sleepUntil(measured.to());
    long cpu = serverCpuNanos.getAsLong() - cpuFrom;
    for (Loop loop : loops) {
      loop.join();
    }
    long[] latencies =
        loops.stream()
            .flatMapToLong(loop -> Arrays.stream(loop.latencies, 0, loop.count))
            .sorted()
            .toArray();
    Map<String, Long> errors = new TreeMap<>();
    loops.forEach(loop -> loop.errors.forEach((kind, n) -> errors.merge(kind, n, Long::sum)));
    return new Result(
        latencies.length / seconds,
        percentile(latencies, 0.50) / 1e6,
        percentile(latencies, 0.99) / 1e6,
        latencies.length == 0 ? Double.NaN : cpu / 1e3 / latencies.length,
        errors);
  }

  /** An HTTP/1.1 request as bytes: {@code headers} are names and values in turn; body optional. */
  static byte[] request(String method, String path, int port, String[] headers, String body) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (int i = 0; i < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    byte[] bytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(bytes, bytes.length + content.length);
    System.arraycopy(content, 0, request, bytes.length, content.length);
    return request;
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(p * sorted.length) - 1];
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
  }

  /**
   * The measured time, on {@link System#nanoTime()}: latencies count from {@code from}, and the
   * load stops at {@code to}.
   */
  private record Window(long from, long to) {}

  /** One thread's connections; the latencies (of the measured time only) and errors they saw. */
  private static final class Loop extends Thread {

    private final int port;
    private final List<Connection> connections;
    private final int status;
    private final Window measured;
    private final Map<String, Long> errors = new TreeMap<>();
    private long[] latencies = new long[1 << 14];
    private int count;
    private Selector selector;

    Loop(int port, List<Connection> connections, int status, Window measured) {
      super("load-" + port);
      this.port = port;
      this.connections = connections;
      this.status = status;
      this.measured = measured;
    }

    @Override
    public void run() {
      try (Selector opened = Selector.open()) {
        selector = opened;
        connections.forEach(this::reconnect);
        while (System.nanoTime() < measured.to()) {
          selector.select(10);
          for (SelectionKey key : selector.selectedKeys()) {
            Connection connection = (Connection) key.attachment();
            try {
              if (key.isWritable()) {
                connection.write();
              } else if (key.isReadable()) {
                read(connection);
              }
            } catch (IOException e) {
              error(e.getClass().getSimpleName() + ": " + e.getMessage());
              reconnect(connection);
            }
          }
          selector.selectedKeys().clear();
        }
        long now = System.nanoTime();
        for (Connection connection : connections) {
          if (connection.inFlight
              && now - connection.sentAt > UNANSWERED_SECONDS * 1_000_000_000L) {
            error("unanswered for " + UNANSWERED_SECONDS + " s at the end");
          }
          connection.close();
        }
      } catch (IOException e) {
        error("selector: " + e);
      }
    }

    /** Reads what has arrived; for each whole response, checks and records it, sends the next. */
    private void read(Connection connection) throws IOException {
      if (!connection.receive()) {
        throw new IOException("closed by the server mid-response");
      }
      int answered;
      while ((answered = connection.parse()) >= 0) {
        long received = System.nanoTime();
        if (answered != status) {
          error("status " + answered);
        } else if (connection.sentAt >= measured.from()) {
          record(received - connection.sentAt);
        }
        if (connection.closeAfter) {
          reconnect(connection);
          return;
        }
        connection.send();
      }
    }

    /** Opens the connection anew and sends its next request; a failure is an error. */
    private void reconnect(Connection connection) {
      connection.close();
      try {
        connection.open(port, selector);
        connection.send();
      } catch (IOException e) {
        error("connect: " + e.getMessage());
      }
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }

    private void error(String kind) {
      errors.merge(kind, 1L, Long::sum);
    }
  }

  /** One keep-alive connection: the request it is sending, and the response it is reading. */
  private static final class Connection {

    private final Supplier<byte[]> requests;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer out;
    private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    private long sentAt;
    private boolean inFlight;

    /** Whether the server closes the connection after the response just parsed. */
    private boolean closeAfter;

    Connection(Supplier<byte[]> requests) {
      this.requests = requests;
    }

    void open(int port, Selector selector) throws IOException {
      channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.configureBlocking(false);
      key = channel.register(selector, SelectionKey.OP_READ, this);
      in.clear();
    }

    void send() throws IOException {
      out = ByteBuffer.wrap(requests.get());
      sentAt = System.nanoTime();
      inFlight = true;
      write();
    }

    /** Writes what the socket takes; waits for it to take more if the request is not all out. */
    void write() throws IOException {
      channel.write(out);
      key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /** Reads what has arrived into the buffer (grown when full); false at end of stream. */
    boolean receive() throws IOException {
      if (!in.hasRemaining()) {
        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
      }
      return channel.read(in) >= 0;
    }

    /**
     * Takes one whole response off the buffer and returns its status, or -1 while it has not all
     * arrived.
     */
    int parse() throws IOException {
      byte[] bytes = in.array();
      int end = in.position();
      int headersEnd = indexOf(bytes, 0, end, HEADERS_END);
      if (headersEnd < 0) {
        return -1;
      }
      String[] head = new String(bytes, 0, headersEnd, StandardCharsets.US_ASCII).split("\r\n");
      int status = Integer.parseInt(head[0].substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (int i = 1; i < head.length; i++) {
        String header = head[i];
        String value = header.substring(header.indexOf(':') + 1).trim().toLowerCase();
        if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Long.parseLong(value);
        } else if (header.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)) {
          chunked = value.contains("chunked");
        } else if (header.regionMatches(true, 0, "Connection:", 0, 11)) {
          close = value.contains("close");
        }
      }
      int body = headersEnd + HEADERS_END.length;
      int responseEnd;
      if (chunked) {
        responseEnd = chunksEnd(bytes, body, end);
      } else if (length >= 0) {
        responseEnd = end - body < length ? -1 : body + (int) length;
      } else if (status == 204 || status == 304) {
        responseEnd = body;
      } else {
        throw new IOException("a response of neither length nor chunks");
      }
      if (responseEnd < 0) {
        return -1;
      }
      in.flip().position(responseEnd);
      in.compact();
      inFlight = false;
      closeAfter = close;
      return status;
    }

    void close() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // Closed either way.
        }
        channel = null;
      }
      inFlight = false;
    }

    /** Where a chunked body starting at {@code from} ends, or -1 while it has not all arrived. */
    private static int chunksEnd(byte[] bytes, int from, int end) {
      int position = from;
      while (true) {
        int lineEnd = indexOf(bytes, position, end, LINE_END);
        if (lineEnd < 0) {
          return -1;
        }
        String line = new String(bytes, position, lineEnd - position, StandardCharsets.US_ASCII);
        int extension = line.indexOf(';');
        int size =
            Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        position = lineEnd + LINE_END.length;
        if (size == 0) {
          // Trailers, if any, end with an empty line.
          if (end - position >= 2 && bytes[position] == '\r' && bytes[position + 1] == '\n') {
            return position + LINE_END.length;
          }
          int trailersEnd = indexOf(bytes, position, end, HEADERS_END);
          return trailersEnd < 0 ? -1 : trailersEnd + HEADERS_END.length;
        }
        if (end - position < size + LINE_END.length) {
          return -1;
        }
        position += size + LINE_END.length;
      }
    }

    private static int indexOf(byte[] bytes, int from, int end, byte[] target) {
      outer:
      for (int i = from; i <= end - target.length; i++) {
        for (int j = 0; j < target.length; j++) {
          if (bytes[i + j] != target[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
