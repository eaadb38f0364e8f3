package io.curio.localstack.stack;

import java.nio.file.Path;

/**
 * How to start a stack's infrastructure.
 *
 * @param home the state folder
 * @param ports the stack's ports
 * @param database the stack's PostgreSQL database
 * @param dataset the dataset served on the attribute endpoints
 * @param tools where npm packages (the Kinesis emulator) are installed
 */
public record InfraSettings(StackHome home, StackPorts ports, String database, DatasetChoice dataset, Path tools) {
}
