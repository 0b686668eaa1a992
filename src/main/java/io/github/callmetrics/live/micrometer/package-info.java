/**
 * Publishes a {@link io.github.callmetrics.live.LiveMonitor}'s figures as Micrometer gauges. The only package
 * of Callmetrics that uses Micrometer, an optional dependency: users who do not use this package need no
 * Micrometer on their class path or module path. See
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/live.md">docs/live.md</a>.
 */
@NullMarked
package io.github.callmetrics.live.micrometer;

import org.jspecify.annotations.NullMarked;
