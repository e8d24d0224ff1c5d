/** Immutable values of the analysis: metrics, thresholds, series, violations and the result. */
package dev.soakanalyzer.core.model;
