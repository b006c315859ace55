/** Charts and reports rendered from plain result records. */
package io.pollwatt.report;
