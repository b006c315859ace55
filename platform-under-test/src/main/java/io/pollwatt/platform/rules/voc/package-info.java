/** Stack analyser rules VOC-01…05 (domain-rules §6). */
package io.pollwatt.platform.rules.voc;
