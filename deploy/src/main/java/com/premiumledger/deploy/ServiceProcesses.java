package com.premiumledger.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a service as its own {@code java -jar <svc>-exec.jar} process pointed at a broker and a store,
 * waits for it to be healthy and stops it. Shared by the local stack and the benchmark so that both run
 * the services exactly the same way.
 */
public final class ServiceProcesses {

    private ServiceProcesses() {
    }

    /**
     * Launches one service. {@code extraArguments} are Spring arguments ({@code --key=value}) appended after
     * the common ones, so they win (e.g. another application name or database for a rebuild).
     */
    public static Process launch(Path projectDirectory, String version, String service, int port, int heapMegabytes,
                                 String kafkaBootstrapServers, String mongoUri, List<String> extraArguments, Path log)
            throws IOException {
        Path jar = projectDirectory.resolve(service).resolve("target").resolve(service + "-" + version + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMegabytes + "m",
                "-jar", jar.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "--spring.data.mongodb.uri=" + mongoUri));
        command.addAll(extraArguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Polls {@code /actuator/health} until it answers 200; fails fast if the process dies. */
    public static void awaitHealthy(String service, int port, Process process, Duration timeout, Path log)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        boolean healthy = Polling.until(timeout, Duration.ofMillis(250), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited during start-up; see " + log);
            }
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service, e);
            }
        });
        if (healthy) {
            return;
        }
        throw new IllegalStateException(service + " did not become healthy within " + timeout + "; see " + log);
    }

    /** Asks every process to stop, then waits; a process that does not stop in time is killed. */
    public static void stopAll(List<Process> processes) {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
