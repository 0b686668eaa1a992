/**
 * Internal helpers shared by the library's packages and the command-line tool. Not exported by the
 * module: nothing here is API, and any of it may change without notice.
 */
@NullMarked
package io.github.callmetrics.internal;

import org.jspecify.annotations.NullMarked;
