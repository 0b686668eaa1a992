/**
 * The call package's internals shared with the report and live packages: the primitive field access opened to the
 * report accumulator and the readers ({@link io.github.callmetrics.call.internal.CallAccess}), and the one
 * definition of outcome classes and packed waits ({@link io.github.callmetrics.call.internal.OutcomeClass}). Not
 * exported by the module: nothing here is API.
 */
@NullMarked
package io.github.callmetrics.call.internal;

import org.jspecify.annotations.NullMarked;
