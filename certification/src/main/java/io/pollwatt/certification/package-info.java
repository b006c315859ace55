/** Device certification over HJ 212-2017: case catalogue, declarations, the tester, recorded conversations, verdicts. */
package io.pollwatt.certification;
