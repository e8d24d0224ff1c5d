/**
 * Pure renderers: an {@code Analysis} in, report text out (Markdown, mini-plots, recommendations).
 */
package dev.soakanalyzer.core.report;
