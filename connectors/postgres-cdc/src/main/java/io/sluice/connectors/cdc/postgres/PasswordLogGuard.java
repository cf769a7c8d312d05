package io.sluice.connectors.cdc.postgres;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Flink CDC 3.5.0 from logging the database password. Its {@code
 * PostgresSourceFetchTaskContext} logs the whole Debezium configuration, {@code database.password}
 * included, at INFO each time a reader starts a split (FLINK-38685, fixed in Flink CDC 3.6.0, which
 * is not published for Flink 1.20). With Log4j 2 as the backend (Flink's default) this raises that
 * one logger to WARN when it would log INFO; otherwise it warns, at each reader start, what to
 * configure.
 */
final class PasswordLogGuard {
  static final String LEAKING_LOGGER =
      "org.apache.flink.cdc.connectors.postgres.source.fetch.PostgresSourceFetchTaskContext";
  private static final Logger LOG = LoggerFactory.getLogger(PasswordLogGuard.class);

  private PasswordLogGuard() {}

  /** Before each reader starts: the logging configuration may have been reloaded since. */
  static void apply() {
    if (!LoggerFactory.getLogger(LEAKING_LOGGER).isInfoEnabled()) {
      return;
    }
    String failure = "the logging backend is not Log4j 2";
    try {
      Class<?> levelClass = Class.forName("org.apache.logging.log4j.Level");
      Object warn = levelClass.getField("WARN").get(null);
      Method setLevel = Class.forName("org.apache.logging.log4j.core.config.Configurator")
          .getMethod("setLevel", String.class, levelClass);
      setLevel.invoke(null, LEAKING_LOGGER, warn);
    } catch (ReflectiveOperationException | LinkageError e) {
      failure = e.toString();
    }
    if (LoggerFactory.getLogger(LEAKING_LOGGER).isInfoEnabled()) {
      LOG.warn("Set the level of logger {} to WARN in the logging configuration: at INFO it logs"
          + " the PostgreSQL password (FLINK-38685). Could not set it: {}", LEAKING_LOGGER,
          failure);
    }
  }
}
