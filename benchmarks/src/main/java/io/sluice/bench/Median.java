package io.sluice.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of repeated measurements. */
public final class Median {
  private Median() {}

  public static double of(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
