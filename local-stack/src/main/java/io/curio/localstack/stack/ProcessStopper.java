package io.curio.localstack.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a stack's processes by their recorded pids only: SIGTERM, then SIGKILL after a grace period. A pid whose
 * process no longer carries the expected marker is someone else's and is left alone.
 */
public final class ProcessStopper {

    public static final Duration GRACE = Duration.ofSeconds(15);

    private final StackHome home;

    private final Duration grace;

    public ProcessStopper(StackHome home) {
        this(home, GRACE);
    }

    ProcessStopper(StackHome home, Duration grace) {
        this.home = home;
        this.grace = grace;
    }

    /** The marker that identifies a process of this stack on its command line. */
    public static String marker(StackHome home, String name) {
        return switch (name) {
            case Processes.INFRA -> InfraCommand.marker(home);
            case Processes.KINESIS -> home.kinesis().toString();
            case Processes.POSTGRES -> home.postgres().toString();
            case Processes.REDIS -> "redis-server";
            default -> serviceNamed(name).map((service) -> service.module() + "-0.1.0-SNAPSHOT.jar")
                .orElseThrow(() -> new IllegalArgumentException("unknown process " + name));
        };
    }

    /** Stops the named processes together and removes their pid files; answers the names that were running. */
    public List<String> stop(List<String> names) {
        List<String> stopped = new ArrayList<>();
        List<ProcessHandle> terminated = new ArrayList<>();
        for (String name : names) {
            Optional<ProcessHandle> process = this.home.pids().running(name, marker(this.home, name));
            process.ifPresent((handle) -> {
                handle.destroy();
                terminated.add(handle);
                stopped.add(name);
            });
        }
        long deadline = System.nanoTime() + this.grace.toNanos();
        terminated.forEach((process) -> awaitOrKill(process, deadline));
        names.forEach(this.home.pids()::remove);
        return stopped;
    }

    private static void awaitOrKill(ProcessHandle process, long deadline) {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        try {
            exit.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException ex) {
            process.destroyForcibly();
            exit.orTimeout(5, TimeUnit.SECONDS).exceptionally((failure) -> process).join();
        }
        catch (ExecutionException ex) {
            throw new StackException("cannot wait for pid " + process.pid(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Optional<Service> serviceNamed(String name) {
        for (Service service : Service.values()) {
            if (service.processName().equals(name)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

}
