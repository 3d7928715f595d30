/*
 * Does a picture the server acknowledged survive `kill -9`? Each round starts the real app on one
 * data directory, lists every picture the database holds, then lets 30 uploaders store pictures
 * through ProjectService (each acknowledgement is printed the moment addSample returns, which is
 * when the UI shows the thumbnail) and kills the process at a random moment with SIGKILL. The next
 * round's list must contain every picture the last round acknowledged.
 *
 * Prints one line per round and, last:
 *   durability rounds=<r> uploaders=<u> acknowledged=<n> lost=<m>
 * Run it with bench/durability.sh.
 */
package org.teachbox.project;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.teachbox.TeachboxApplication;

public final class DurabilityBench {

    private DurabilityBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int uploaders = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dataDir = Files.createTempDirectory("teachbox-durability");
        Random random = new Random(42);
        Set<String> pending = Set.of();
        long acknowledged = 0;
        long lost = 0;
        for (int round = 1; round <= rounds + 1; round++) {
            boolean last = round == rounds + 1;
            Round result = runChild(dataDir, round, uploaders, last, 1500 + random.nextInt(3000));
            Set<String> missing = new HashSet<>(pending);
            missing.removeAll(result.have);
            lost += missing.size();
            if (round > 1) {
                System.out.printf("round=%d acknowledged=%d lost=%d%n", round - 1, pending.size(), missing.size());
            }
            acknowledged += last ? 0 : result.acked.size();
            pending = result.acked;
        }
        System.out.printf("durability rounds=%d uploaders=%d acknowledged=%d lost=%d%n", rounds, uploaders, acknowledged, lost);
    }

    private record Round(Set<String> have, Set<String> acked) {
    }

    private static Round runChild(Path dataDir, int round, int uploaders, boolean verifyOnly, int killAfterMillis)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-Dvaadin.productionMode=true", "-cp", System.getProperty("java.class.path"),
                DurabilityBench.class.getName(), "child", dataDir.toString(), Integer.toString(round),
                Integer.toString(uploaders)));
        if (verifyOnly) {
            command.add("verify");
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<String> have = new HashSet<>();
        Set<String> acked = java.util.concurrent.ConcurrentHashMap.newKeySet();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch uploading = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("HAVE ")) {
                        have.add(line.substring(5));
                    } else if (line.startsWith("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("ACK ")) {
                        acked.add(line.substring(4));
                        uploading.countDown();
                    }
                }
            } catch (IOException e) {
                // the child was killed mid-line: what arrived before counts
            }
        });
        reader.start();
        if (!ready.await(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("round " + round + " never became ready");
        }
        if (verifyOnly) {
            process.waitFor(3, TimeUnit.MINUTES);
        } else {
            // the clock starts at the first stored picture, so a slow start on a busy machine still
            // leaves uploads running when the kill comes
            uploading.await(3, TimeUnit.MINUTES);
            Thread.sleep(killAfterMillis);
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
            process.waitFor();
        }
        reader.join();
        return new Round(have, Set.copyOf(acked));
    }

    private static void child(Path dataDir, int round, int uploaders, boolean verifyOnly) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Spring logs to System.out; the parent reads only lines that start with HAVE, READY or ACK.
        ConfigurableApplicationContext app = new SpringApplicationBuilder(TeachboxApplication.class).run(
                "--server.port=0", "--teachbox.data-dir=" + dataDir, "--logging.level.root=error",
                "--teachbox.backbone.dir=" + dataDir.resolve("no-backbone"));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        StringBuilder have = new StringBuilder();
        for (Object id : jdbc.sql("SELECT id FROM sample").query().singleColumn()) {
            have.append("HAVE ").append(id).append('\n');
        }
        out.print(have);
        out.println("READY");
        if (verifyOnly) {
            app.close();
            return;
        }
        ProjectService projects = app.getBean(ProjectService.class);
        byte[][] pictures = pictures();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < uploaders; u++) {
            String owner = "round-" + round + "-uploader-" + u;
            Project project = projects.create(owner, "Durability", ModelKind.IMAGE, List.of("a", "b"));
            List<ImageClass> classes = projects.classes(owner, project.id());
            int seed = u;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; ; i++) {
                    UUID id = projects.addSample(owner, classes.get(i % 2).id(), pictures[(seed + i) % pictures.length], "image/jpeg");
                    synchronized (out) {
                        out.println("ACK " + id);
                    }
                    if (i % 2 == 1 && projects.classes(owner, project.id()).get(1).sampleCount() >= 550) {
                        projects.clearClass(owner, classes.get(0).id());
                        projects.clearClass(owner, classes.get(1).id());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Ten different 256 × 256 JPEGs of noise, about the size of a stored photo. */
    private static byte[][] pictures() throws IOException {
        Random random = new Random(1);
        byte[][] pictures = new byte[10][];
        for (int p = 0; p < pictures.length; p++) {
            var image = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", jpeg);
            pictures[p] = jpeg.toByteArray();
        }
        return pictures;
    }
}
