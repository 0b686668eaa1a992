/**
 * The bookkeeping the readers of {@code csv} and {@code asterisk} share ({@link
 * io.github.callmetrics.read.internal.ReadTracker}). Not exported by the module: nothing here is API.
 */
@NullMarked
package io.github.callmetrics.read.internal;

import org.jspecify.annotations.NullMarked;
