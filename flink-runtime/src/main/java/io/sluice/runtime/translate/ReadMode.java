package io.sluice.runtime.translate;

/**
 * How a flow's inputs are registered.
 *
 * @param live open the real sources (a run); otherwise schema-only tables that are never read
 * @param eventTime the watermark columns of watermarked inputs are rowtime attributes (a streaming
 *     flow whose plan uses event time); otherwise every input keeps its stored types
 */
record ReadMode(boolean live, boolean eventTime) {
  /** What the event-time probe plans: schema-only inputs with rowtime attributes. */
  static final ReadMode PROBE = new ReadMode(false, true);

  static ReadMode of(TranslationContext ctx, boolean eventTime) {
    return new ReadMode(ctx.phase() == Phase.RUN, eventTime);
  }
}
