/**
 * Staffing maths, the planning side of service level: how many agents an interval needs to reach a target.
 *
 * <p>A {@link io.github.callmetrics.staffing.Workload} is the offered traffic (Erlangs) and the average
 * handle time. Three queueing models turn a workload and a number of agents into predicted figures:
 * <ul>
 *   <li>{@link io.github.callmetrics.staffing.ErlangB}: blocked calls are lost (M/M/N/N, trunks and lines);
 *   <li>{@link io.github.callmetrics.staffing.ErlangC}: callers wait as long as it takes (M/M/N); undefined
 *       when the traffic reaches the number of agents, and the result says so;
 *   <li>{@link io.github.callmetrics.staffing.ErlangA}: callers abandon after an exponential patience
 *       (M/M/N+M, Palm's model as analysed by Garnett, Mandelbaum and Reiman).
 * </ul>
 * {@link io.github.callmetrics.staffing.Staffing} solves the inverse problems: the fewest agents that
 * reach every {@link io.github.callmetrics.staffing.StaffingTarget} (service level, average speed of
 * answer, maximum occupancy, abandonment ceiling), shrinkage from agents to staff, and the required agents
 * per {@link io.github.callmetrics.staffing.IntervalWorkload} next to the actual figures
 * ({@link io.github.callmetrics.staffing.IntervalStaffing}).
 *
 * <p>Every computation uses stable recurrences on ratios that stay in [0, 1] or sums rescaled by powers of
 * two, never factorials or powers, so results stay exact to double precision from 1 to 100,000 agents and
 * beyond. The formulas, assumptions and limits are in
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/staffing.md">docs/staffing.md</a>. Everything here is
 * immutable and thread-safe.
 */
@NullMarked
package io.github.callmetrics.staffing;

import org.jspecify.annotations.NullMarked;
