/** When to alert (policy, debounce, signature), what the alert says, and where it goes. */
package dev.soakanalyzer.alert;
