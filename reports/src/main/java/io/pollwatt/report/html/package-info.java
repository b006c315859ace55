/** The HTML report of a suite run, the acceptance report (HTML and PDF) and the certification report. */
package io.pollwatt.report.html;
