package io.curio.localstack.stack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.curio.localstack.infra.InfraDescription;
import io.curio.localstack.token.TokenMinter;

/**
 * A stack that {@code up} started and that runs now, for the commands that test or measure it: where its parts
 * are, and the same start, stop and import steps {@code up} takes.
 */
public final class RunningStack {

    private final Path root;

    private final StackHome home;

    private final StackState state;

    private final InfraDescription infra;

    private final HttpJson http = new HttpJson();

    private RunningStack(Path root, StackHome home, StackState state, InfraDescription infra) {
        this.root = root;
        this.home = home;
        this.state = state;
        this.infra = infra;
    }

    /**
     * The stack of the state folder, with its infrastructure and every service running.
     * @throws StackException naming what is not running and how to bring it up
     */
    public static RunningStack open(Path root, StackHome home) {
        String up = "./curio up --home " + home.root();
        StackState state = JsonFiles.read(home.stateFile(), StackState.class)
            .orElseThrow(() -> new StackException("no stack in " + home.root() + "; start one with " + up));
        InfraDescription infra = InfraStage.running(home)
            .orElseThrow(() -> new StackException("the infrastructure of " + home.root() + " is not running; "
                    + "start it with " + up));
        RunningStack stack = new RunningStack(root, home, state, infra);
        for (Service service : Service.values()) {
            if (!stack.isRunning(service)) {
                throw new StackException(service.module() + " of " + home.root() + " is not running; "
                        + "bring it back with " + up);
            }
        }
        return stack;
    }

    public StackHome home() {
        return this.home;
    }

    public StackPorts ports() {
        return new StackPorts(this.state.portOffset());
    }

    public InfraDescription infra() {
        return this.infra;
    }

    public DatasetChoice dataset() {
        return DatasetChoice.fromId(this.state.dataset());
    }

    public String url(Service service, String path) {
        return StackPorts.url(ports().service(service)) + path;
    }

    public HttpJson http() {
        return this.http;
    }

    /** Whether the service's recorded process lives and answers its health endpoint. */
    public boolean isRunning(Service service) {
        return ServicesStage.isRunning(this.home, ports(), service, this.http);
    }

    /** Whether the service answers its readiness endpoint with 200. */
    public boolean isReady(Service service) {
        return this.http.tryGet(ServicesStage.health(ports(), service, "/readiness"))
            .filter(HttpJson.Reply::ok)
            .isPresent();
    }

    /** SIGKILL to the service's recorded process; answers its pid, or empty when it was not running. */
    public OptionalLong kill(Service service) {
        return this.home.pids()
            .running(service.processName(), ProcessStopper.marker(this.home, service.processName()))
            .map((process) -> {
                process.destroyForcibly();
                process.onExit().join();
                return OptionalLong.of(process.pid());
            })
            .orElse(OptionalLong.empty());
    }

    /** SIGTERM to the service, as {@code down} sends it, waiting until it has exited. */
    public void stop(Service service) {
        new ProcessStopper(this.home).stop(List.of(service.processName()));
    }

    /** Starts a service that is down the way {@code up} does, and waits until it is ready. */
    public void start(Service service, Progress progress) {
        new ServicesStage(this.home, this.root, ports(), this.http).restart(service, this.infra, progress);
    }

    /** Asks feature-service to import the interactions under a hub prefix, as {@code up} does; answers events read. */
    public long importHistory(String prefix, Progress progress) {
        return calls().importHistory(prefix, progress);
    }

    public String token(String user, String plan, String scope) {
        return TokenMinter.fromEnvironment().mint(new TokenMinter.TokenRequest(user, plan, scope,
                Duration.ofHours(2)), Clock.systemUTC().instant());
    }

    private StackCalls calls() {
        return new StackCalls(this.http, ports(), TokenMinter.fromEnvironment(), Clock.systemUTC());
    }

}
