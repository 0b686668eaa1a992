/**
 * Internal helpers shared by the library's packages and the command-line tool: enum names, CSV fields, JSON
 * output, id sets. Not exported by the module: nothing here is API, and any of it may change without notice.
 *
 * <p>This package depends on no other package of the library, so every package may use it without a cycle;
 * a helper that needs a package's types lives beside that package, in its own {@code internal} subpackage
 * ({@code read.internal}, {@code tally.internal}).
 */
@NullMarked
package io.github.callmetrics.internal;

import org.jspecify.annotations.NullMarked;
