/**
 * The tally package's package-private factories, opened to the report store ({@link
 * io.github.callmetrics.tally.internal.TallyAccess}). Not exported by the module: nothing here is API.
 */
@NullMarked
package io.github.callmetrics.tally.internal;

import org.jspecify.annotations.NullMarked;
