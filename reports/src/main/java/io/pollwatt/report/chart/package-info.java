/** JFreeChart charts of the result records, rendered headless to PNG and SVG. */
package io.pollwatt.report.chart;
