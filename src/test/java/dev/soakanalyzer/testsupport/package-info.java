/** Test harness shared by all engineers: real Redis servers (container, process or external). */
package dev.soakanalyzer.testsupport;
