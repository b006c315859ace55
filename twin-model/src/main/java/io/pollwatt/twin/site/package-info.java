/** The site model: enterprises, facilities, circuits, meters, stacks, relations, limits and control periods. */
package io.pollwatt.twin.site;
