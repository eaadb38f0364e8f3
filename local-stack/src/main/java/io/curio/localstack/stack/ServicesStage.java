package io.curio.localstack.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.curio.localstack.infra.InfraDescription;

/**
 * Starts each service that is not already running, all at once, then waits for every one to be ready.
 */
final class ServicesStage {

    static final Duration READINESS = Duration.ofSeconds(180);

    private final StackHome home;

    private final Path root;

    private final StackPorts ports;

    private final HttpJson http;

    ServicesStage(StackHome home, Path root, StackPorts ports, HttpJson http) {
        this.home = home;
        this.root = root;
        this.ports = ports;
        this.http = http;
    }

    /** Whether the service's recorded process lives and its health endpoint answers. */
    static boolean isRunning(StackHome home, StackPorts ports, Service service, HttpJson http) {
        return home.pids().running(service.processName(), ProcessStopper.marker(home, service.processName()))
            .isPresent() && http.tryGet(health(ports, service, "")).isPresent();
    }

    static String health(StackPorts ports, Service service, String group) {
        return StackPorts.url(ports.management(service)) + "/actuator/health" + group;
    }

    /** Starts what is not running; answers how many were started. */
    int ensureRunning(InfraDescription infra, Progress progress) {
        List<Service> started = new ArrayList<>();
        for (Service service : Service.values()) {
            if (isRunning(this.home, this.ports, service, this.http)) {
                progress.step(service.processName() + " already running on " + this.ports.service(service));
                continue;
            }
            start(service, infra);
            started.add(service);
        }
        for (Service service : started) {
            awaitReady(service, progress);
        }
        return started.size();
    }

    /** Starts one service that is down, as {@link #ensureRunning} would, and waits until it is ready. */
    void restart(Service service, InfraDescription infra, Progress progress) {
        start(service, infra);
        awaitReady(service, progress);
    }

    private void start(Service service, InfraDescription infra) {
        if (!Files.isRegularFile(service.jar(this.root))) {
            throw new StackException(service.jar(this.root) + " is missing; build it with ./mvnw -DskipTests package");
        }
        new ProcessStopper(this.home).stop(List.of(service.processName()));
        Path jar = new JarCopies(this.home).stable(service.jar(this.root));
        Process process = Launch.detached(ServiceCommandLine.of(service, jar, this.ports, infra),
                this.home.log(service.processName()), this.root, Map.of("CBOR_ENABLED", "false"));
        this.home.pids().write(service.processName(), process.pid());
    }

    private void awaitReady(Service service, Progress progress) {
        long pid = this.home.pids().read(service.processName()).orElseThrow();
        Path log = this.home.log(service.processName());
        Optional<Boolean> ready = Waiting.until(READINESS, Duration.ofSeconds(1), () -> {
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                throw new StackException(service.module() + " exited during startup; last lines of " + log + ":\n"
                        + LogTail.of(log, 20));
            }
            return this.http.tryGet(health(this.ports, service, "/readiness"))
                .filter(HttpJson.Reply::ok)
                .map((reply) -> true);
        });
        if (ready.isEmpty()) {
            throw new StackException(service.module() + " was not ready within " + READINESS.toSeconds()
                    + " s; last lines of " + log + ":\n" + LogTail.of(log, 20));
        }
        progress.step(service.processName() + " ready on " + this.ports.service(service) + " (pid " + pid + ")");
    }

}
