/** The analysis proper: statistics, trend, violation detection, cell status and verdict. */
package dev.soakanalyzer.core.analysis;
