package io.github.callmetrics.live;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.definition.WaitResolution;
import io.github.callmetrics.report.ReportSpec;

/**
 * The definitions one queue's channel is measured by, in the spec's order: each of the spec's definitions with the
 * queue's (or the queue's channel's) own threshold where the spec's {@linkplain ReportSpec#queueThresholds(int)
 * thresholds} name one ({@link ReportSpec#definition(int, String, Channel)}), as the batch report measures the
 * queue's rows. Immutable.
 */
final class QueueDefinitions {
  final ImmutableList<ServiceLevelDefinition> definitions;
  /** Per definition, the largest wait index within its threshold ({@link #largestIndexWithin}). */
  private final long[] largestWithin;

  QueueDefinitions(ReportSpec spec, String queue, Channel channel) {
    ImmutableList.Builder<ServiceLevelDefinition> own = ImmutableList.builder();
    for (int d = 0; d < spec.definitions().size(); d++) {
      own.add(spec.definition(d, queue, channel));
    }
    definitions = own.build();
    largestWithin = new long[definitions.size()];
    for (int d = 0; d < definitions.size(); d++) {
      largestWithin[d] = largestIndexWithin(definitions.get(d));
    }
  }

  int size() {
    return definitions.size();
  }

  /**
   * Checks if a wait, given as its index ({@link OutcomeClass#waitIndex}), is within the threshold of definition
   * {@code d}.
   */
  boolean isWithin(int d, long waitIndex) {
    return waitIndex <= largestWithin[d];
  }

  /**
   * Returns the largest wait index within a definition's threshold, under its boundary and wait resolution: the rule
   * of {@link OutcomeClass#largestIndexWithin}, which the batch counts apply too.
   */
  static long largestIndexWithin(ServiceLevelDefinition d) {
    return OutcomeClass.largestIndexWithin(d.thresholdSeconds(), d.boundary() == ThresholdBoundary.INCLUSIVE,
        d.waitResolution() == WaitResolution.WHOLE_SECONDS);
  }
}
