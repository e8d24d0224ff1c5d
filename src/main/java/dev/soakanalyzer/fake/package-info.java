/** Fake soak data with known violations, for the alert self-test and the smoke tests. */
package dev.soakanalyzer.fake;
