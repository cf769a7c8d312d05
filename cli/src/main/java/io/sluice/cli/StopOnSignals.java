package io.sluice.cli;

import io.sluice.runtime.exec.StopSignal;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a stop request for a continuous run, instead of the JVM's
 * default of shutting down at once: the run then stops every flow with a savepoint and the command
 * ends normally. (A JVM shutdown hook cannot do this: Flink's own hooks take the embedded cluster
 * down while the savepoints are being taken.) A second signal ends the process at once; the next
 * run then resumes from the newest retained checkpoints.
 */
final class StopOnSignals {
  private StopOnSignals() {}

  static void install(StopSignal stop, PrintWriter out) {
    AtomicInteger received = new AtomicInteger();
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), s -> {
          if (received.incrementAndGet() == 1) {
            out.printf("%nStopping (SIG%s): every flow takes a savepoint. Send it again to quit at once.%n", s.getName());
            out.flush();
            stop.request();
          } else {
            Runtime.getRuntime().halt(128 + s.getNumber());
          }
        });
      } catch (IllegalArgumentException unsupported) {
        // this platform has no such signal: Ctrl-C stops the process as usual
      }
    }
  }
}
