/** Plain result records the reports render: suite, scenarios, curves, truth, alarms, acceptance, certification. */
package io.pollwatt.report.model;
