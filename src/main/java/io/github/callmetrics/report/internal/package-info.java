/**
 * The report package's package-private counting entry, opened to the live monitor ({@link
 * io.github.callmetrics.report.internal.ReportAccess}). Not exported by the module: nothing here is API.
 */
@NullMarked
package io.github.callmetrics.report.internal;

import org.jspecify.annotations.NullMarked;
