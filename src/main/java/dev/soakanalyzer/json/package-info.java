/** Jackson writers of the machine-readable reports: SOAK_SUMMARY.json and VIOLATIONS.json. */
package dev.soakanalyzer.json;
