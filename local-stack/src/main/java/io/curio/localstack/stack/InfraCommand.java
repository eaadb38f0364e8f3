package io.curio.localstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.curio.localstack.cli.Arguments;
import io.curio.localstack.infra.InfraDescription;

/**
 * {@code curio infra --home DIR --port-offset N --database NAME --tools DIR [--dataset DIR]}: runs the
 * infrastructure in the foreground, writes {@code infra.json} once it all answers, and stops it all on SIGTERM.
 * {@code up} starts this in the background; it is not meant to be typed.
 */
public final class InfraCommand {

    public static final String NAME = "infra";

    private InfraCommand() {
    }

    /** The marker on the infrastructure process's command line for a state folder. */
    public static String marker(StackHome home) {
        return NAME + " --home " + home.root();
    }

    public static void run(List<String> args) throws InterruptedException {
        InfraSettings settings = settings(Arguments.parse(args,
                Set.of("home", "port-offset", "database", "dataset", "tools"), Set.of()).withoutPositionals());
        StackHome home = settings.home().create();
        LocalInfrastructure infrastructure = LocalInfrastructure.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(infrastructure, home), "infra-shutdown"));
        infrastructure.recordChildren(home.pids());
        InfraDescription description = infrastructure.describe();
        JsonFiles.write(home.infraFile(), description);
        System.out.println("infrastructure ready: " + description);
        new CountDownLatch(1).await();
    }

    static InfraSettings settings(Arguments arguments) {
        StackHome home = new StackHome(arguments.path("home").orElseThrow(() -> missing("home")));
        StackPorts ports = new StackPorts(arguments.intValue("port-offset", 0, 0, StackPorts.MAX_OFFSET));
        DatasetChoice dataset = new DatasetChoice(arguments.path("dataset").orElse(null));
        Path tools = arguments.path("tools").orElse(home.tools());
        return new InfraSettings(home, ports, arguments.value("database", UpCommand.DEFAULT_DATABASE), dataset, tools);
    }

    private static void stop(LocalInfrastructure infrastructure, StackHome home) {
        try {
            Files.deleteIfExists(home.infraFile());
        }
        catch (IOException ex) {
            System.err.println("cannot remove " + home.infraFile() + ": " + ex.getMessage());
        }
        infrastructure.close();
        PidFiles pids = home.pids();
        List.of(Processes.KINESIS, Processes.POSTGRES, Processes.REDIS).forEach(pids::remove);
    }

    private static IllegalArgumentException missing(String option) {
        return new IllegalArgumentException("the infra command needs --" + option);
    }

}
