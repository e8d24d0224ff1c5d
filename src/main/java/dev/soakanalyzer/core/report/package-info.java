/**
 * Pure renderers: an {@code Analysis} in, report text out (Markdown, mini-plots, recommendations,
 * and SOAK_REPORT.html filled from its template resources).
 */
package dev.soakanalyzer.core.report;
