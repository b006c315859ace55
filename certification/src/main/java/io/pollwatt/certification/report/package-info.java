/** The certification report: JSON and a self-contained HTML page. */
package io.pollwatt.certification.report;
