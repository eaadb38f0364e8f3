package io.curio.localstack.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.curio.localstack.cli.Arguments;
import io.curio.localstack.infra.FreePorts;
import io.curio.localstack.infra.InfraDescription;

/**
 * {@code curio status [--home DIR]}: each process with its pid, port and health, and where the infrastructure is.
 */
public final class StatusCommand {

    private final Path root;

    private final PrintStream out;

    private final HttpJson http = new HttpJson();

    public StatusCommand(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    public void run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("home"), Set.of()).withoutPositionals();
        StackHome home = new StackHome(arguments.path("home").orElse(this.root.resolve(".curio")));
        Optional<StackState> state = JsonFiles.read(home.stateFile(), StackState.class);
        if (state.isEmpty()) {
            this.out.println("no stack in " + home.root() + "; start one with ./curio up");
            return;
        }
        StackPorts ports = new StackPorts(state.get().portOffset());
        Optional<InfraDescription> infra = InfraStage.running(home);
        this.out.printf("%-12s %-8s %-6s %s%n", "process", "pid", "port", "health");
        printInfrastructure(home, ports, infra);
        for (Service service : Service.values()) {
            printService(home, ports, service);
        }
        infra.ifPresent((description) -> {
            this.out.println();
            Summary.printInfrastructure(description, this.out);
        });
    }

    private void printInfrastructure(StackHome home, StackPorts ports, Optional<InfraDescription> infra) {
        String health = infra.isEmpty() ? "not running" : FreePorts.isListening(ports.s3()) ? "UP" : "DOWN";
        row(Processes.INFRA, infra.map((description) -> String.valueOf(description.pid())), ports.s3(), health);
        Optional<ProcessHandle> kinesis = home.pids()
            .running(Processes.KINESIS, ProcessStopper.marker(home, Processes.KINESIS));
        String kinesisHealth = kinesis.isEmpty() ? "not running"
                : FreePorts.isListening(ports.kinesis()) ? "UP" : "DOWN";
        row(Processes.KINESIS, kinesis.map((process) -> String.valueOf(process.pid())), ports.kinesis(),
                kinesisHealth);
        row("attributes", Optional.empty(), ports.attributes(),
                FreePorts.isListening(ports.attributes()) ? "UP" : "not running");
    }

    private void printService(StackHome home, StackPorts ports, Service service) {
        Optional<ProcessHandle> process = home.pids()
            .running(service.processName(), ProcessStopper.marker(home, service.processName()));
        String health = process.isEmpty() ? "not running" : this.http
            .tryGet(ServicesStage.health(ports, service, ""))
            .map((reply) -> reply.json().path("status").asString("DOWN"))
            .orElse("DOWN (not answering)");
        row(service.processName(), process.map((handle) -> String.valueOf(handle.pid())), ports.service(service),
                health);
    }

    private void row(String name, Optional<String> pid, int port, String health) {
        this.out.printf("%-12s %-8s %-6d %s%n", name, pid.orElse("-"), port, health);
    }

}
