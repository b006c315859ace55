/** The data collector (数采仪) and the stack VOC analyzer it polls over RS485. */
package io.pollwatt.emulator.collector;
