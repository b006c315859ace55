/** Operating and compliance alarms ALM-01…11 (domain-rules §4). */
package io.pollwatt.platform.rules.alm;
