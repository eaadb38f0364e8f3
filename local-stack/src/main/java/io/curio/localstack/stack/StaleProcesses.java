package io.curio.localstack.stack;

import java.util.List;

/**
 * Stops what is left of an infrastructure process that died without cleaning up: its emulator and embedded servers
 * still hold their ports.
 */
final class StaleProcesses {

    private StaleProcesses() {
    }

    static void stopInfrastructure(StackHome home) {
        new ProcessStopper(home).stop(List.of(Processes.INFRA, Processes.KINESIS, Processes.POSTGRES, Processes.REDIS));
    }

}
