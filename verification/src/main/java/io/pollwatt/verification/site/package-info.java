/** Site definition files (docs/site-format.md): YAML in, the twin's enterprise, staged faults and archive data out. */
package io.pollwatt.verification.site;
