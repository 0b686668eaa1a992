/**
 * The command-line tool ({@code java -jar target/callmetrics-cli.jar}). Not part of the library: this
 * package is left out of the library jar and is packaged, with picocli, only into the CLI jar. See
 * {@code docs/cli.md}.
 */
@NullMarked
package io.github.callmetrics.cli;

import org.jspecify.annotations.NullMarked;
