/**
 * Service-level definitions: what "answered within the threshold" means, and which calls count.
 *
 * <p>A {@link io.github.callmetrics.definition.ServiceLevelDefinition} is one immutable value that holds
 * every choice the platforms make differently: the threshold and its {@linkplain
 * io.github.callmetrics.definition.ThresholdBoundary boundary}, the {@linkplain
 * io.github.callmetrics.definition.ServiceLevelFormula formula}, the short-abandon threshold, how each
 * {@linkplain io.github.callmetrics.call.FlowOutReason flow-out reason} is treated, and the target.
 * {@link io.github.callmetrics.definition.Preset} names the definitions of Asterisk, Cisco, Genesys,
 * Amazon Connect and Avaya, so a user can say "compute it the way my platform does". Definitions are
 * applied to counts by {@link io.github.callmetrics.metrics}; the counts themselves do not depend on any
 * definition, so one tally serves every definition (see
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/service-level.md">docs/service-level.md</a>).
 */
@NullMarked
package io.github.callmetrics.definition;

import org.jspecify.annotations.NullMarked;
