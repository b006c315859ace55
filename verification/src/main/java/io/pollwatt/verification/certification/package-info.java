/** Platform certification ({@code testbed certify-platform}): an emulated fleet, a relay that watches and acts, checks. */
package io.pollwatt.verification.certification;
