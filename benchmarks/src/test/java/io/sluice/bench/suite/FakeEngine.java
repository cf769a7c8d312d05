package io.sluice.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An engine for {@link EngineProcessTest}: {@code W5 <stateDir>} prints READY, waits for
 * {@code <stateDir>/stop} and prints its RESULT; anything else is refused as an engine without W5
 * refuses it.
 */
public final class FakeEngine {
  private FakeEngine() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !args[0].equals("W5")) {
      System.err.println("Cannot run workload '" + String.join(" ", args) + "': use W1, W2, W3 or W4");
      System.exit(2);
    }
    System.out.println("starting");
    System.out.println("READY");
    System.out.flush();
    Path stop = Path.of(args[1], "stop");
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(stop) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    System.out.println(new ResultLine("fake", "W5", 7, 0.5, 1, null).format());
    System.exit(0);
  }
}
