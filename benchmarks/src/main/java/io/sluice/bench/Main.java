package io.sluice.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a benchmark and prints its result with a description of the machine.
 *
 * <pre>
 * java -cp ... io.sluice.bench.Main expectations [rows] [rounds]
 * </pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "expectations";
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createTempDirectory("sluice-bench-");
    System.out.println("machine: " + Machine.describe());
    if (!which.equals("expectations")) {
      System.err.println("unknown benchmark '" + which + "': use 'expectations'");
      System.exit(2);
    }
    System.out.print(new ExpectationsOverhead(dir, rows, rounds).run());
    System.exit(0);
  }
}
