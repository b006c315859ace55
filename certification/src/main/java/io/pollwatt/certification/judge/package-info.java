/** Verdicts per case, judged from a recorded conversation. */
package io.pollwatt.certification.judge;
