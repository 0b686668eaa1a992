/**
 * The call package's primitive field access, opened to the report accumulator ({@link
 * io.github.callmetrics.call.internal.CallAccess}). Not exported by the module: nothing here is API.
 */
@NullMarked
package io.github.callmetrics.call.internal;

import org.jspecify.annotations.NullMarked;
