package org.teachbox.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.teachbox.e2e.wire.WirePages;
import org.teachbox.e2e.wire.WireSession;

/**
 * bench/abuse.sh: the built jar with a teacher password, attacked the way a pupil on the school
 * network could, from two loopback addresses (127.0.0.2 plays the teacher's or a classmate's
 * computer, 127.0.0.3 the attacker's). One line per attack says what was tried and whether the
 * server held; the last line is {@code abuse tried=<n> held=<n>}.
 */
public final class AbuseBench {

    private static final String PASSWORD = "a long classroom secret";
    private static final InetAddress TEACHER = address("127.0.0.2");
    private static final InetAddress ATTACKER = address("127.0.0.3");

    private final URI base;
    private int tried;
    private int held;

    private AbuseBench(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("teachbox-abuse");
        System.setProperty("teachbox.app.heap", System.getProperty("teachbox.app.heap", "2g"));
        try (AppProcess app = AppProcess.start("abuse", data.resolve("data"), data.resolve("server.log"),
                Map.of("TEACHBOX_TEACHER_PASSWORD", PASSWORD), List.of())) {
            app.awaitHealthy(Duration.ofMinutes(2));
            AbuseBench bench = new AbuseBench(URI.create(app.url("/")));
            bench.forgedForwardedForOnSignIn();
            bench.wrongPasswordsDoNotLockOutTheTeacher();
            String code = bench.openClassroom();
            bench.forgedForwardedForOnJoinCodes();
            bench.oneBrowserFillsTheClass(code);
            bench.guessingAPin(code);
            bench.uploadFlood(data);
            System.out.printf("abuse tried=%d held=%d%n", bench.tried, bench.held);
            System.exit(bench.tried == bench.held ? 0 : 1);
        }
    }

    private void report(String attack, boolean heldUp, String what) {
        tried++;
        if (heldUp) {
            held++;
        }
        System.out.printf("%-32s %s  %s%n", attack, heldUp ? "held" : "GOT THROUGH", what);
    }

    // ---- the teacher's sign-in

    /** Six wrong passwords, then the right one, each with a new X-Forwarded-For: still limited. */
    private void forgedForwardedForOnSignIn() throws Exception {
        HttpClient attacker = client(ATTACKER);
        for (int i = 0; i < 6; i++) {
            signIn(attacker, "guess " + i, "10.1.2." + i);
        }
        boolean in = signIn(attacker, PASSWORD, "10.1.2.99");
        report("forged-xff-sign-in", !in, "6 wrong passwords then the right one, each with a new X-Forwarded-For: "
                + (in ? "signed in" : "still refused"));
    }

    /** 127.0.0.3 sends wrong passwords as fast as it can while the teacher signs in from 127.0.0.2. */
    private void wrongPasswordsDoNotLockOutTheTeacher() throws Exception {
        AtomicBoolean hammering = new AtomicBoolean(true);
        AtomicInteger wrong = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 4; t++) {
                threads.submit(() -> {
                    HttpClient attacker = client(ATTACKER);
                    while (hammering.get()) {
                        signIn(attacker, "guess " + UUID.randomUUID(), "10.9." + wrong.get() % 250 + ".1");
                        wrong.incrementAndGet();
                    }
                    return null;
                });
            }
            Thread.sleep(2000);
            int in = 0;
            for (int i = 0; i < 4; i++) {
                if (signIn(client(TEACHER), PASSWORD, null)) {
                    in++;
                }
                Thread.sleep(1000);
            }
            hammering.set(false);
            report("teacher-lockout", in == 4, wrong.get() + " wrong passwords from 127.0.0.3 meanwhile; the teacher at "
                    + "127.0.0.2 signed in " + in + " of 4 times");
        }
    }

    /** True when the sign-in went to the teacher's page, false when it went back to the form. */
    private boolean signIn(HttpClient http, String password, String forwardedFor) throws Exception {
        String form = "username=" + enc("Ms Chen") + "&password=" + enc(password);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("teacher/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base.getScheme() + "://" + base.getRawAuthority()) // a script can claim our page
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        String to = response.headers().firstValue("Location").orElse("");
        return response.statusCode() == 302 && to.endsWith("/teacher");
    }

    // ---- joining a classroom

    private String openClassroom() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).localAddress(TEACHER).build();
        http.send(HttpRequest.newBuilder(base).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (!signIn(http, PASSWORD, null)) {
            throw new IllegalStateException("the teacher could not sign in");
        }
        return WirePages.openClassroom(base, "7B", new WireSession.From(TEACHER, null, cookies));
    }

    /** Fifteen unknown codes from 127.0.0.3, each with a new X-Forwarded-For: the scan is slowed. */
    private void forgedForwardedForOnJoinCodes() throws Exception {
        int refusedAsTooMany = 0;
        for (int i = 0; i < 15; i++) {
            String problem = join("ZZZZZZ", "Eve", "1234", ATTACKER, "10.7.7." + i, new CookieManager());
            if (problem.contains("Too many tries")) {
                refusedAsTooMany++;
            }
        }
        report("forged-xff-join-codes", refusedAsTooMany >= 4, "15 unknown codes with a new X-Forwarded-For each: "
                + refusedAsTooMany + " refused as too many tries");
    }

    /** One browser (one cookie) makes up names to fill the classroom. */
    private void oneBrowserFillsTheClass(String code) throws Exception {
        CookieManager browser = new CookieManager();
        int joined = 0;
        for (int i = 0; i < 12; i++) {
            if (join(code, "Made up " + i, "1234", ATTACKER, null, browser).isEmpty()) {
                joined++;
            }
        }
        String latecomer = join(code, "Real latecomer", "4321", TEACHER, null, new CookieManager());
        report("one-browser-fills-class", joined <= 3 && latecomer.isEmpty(), "12 made-up names from one browser: "
                + joined + " joined; a real latecomer " + (latecomer.isEmpty() ? "joined" : "was refused: " + latecomer));
    }

    /** Wrong PINs for Leo from the attacker; Leo's own PIN still works soon after, and guessing stays slow. */
    private void guessingAPin(String code) throws Exception {
        if (!join(code, "Leo", "2468", TEACHER, null, new CookieManager()).isEmpty()) {
            throw new IllegalStateException("Leo could not join");
        }
        CookieManager guesser = new CookieManager();
        int answered = 0;
        for (int pin = 0; pin < 15; pin++) {
            String problem = join(code, "Leo", String.format("%04d", pin), ATTACKER, null, guesser);
            if (problem.contains("Wrong PIN")) {
                answered++;
            }
        }
        long start = System.nanoTime();
        boolean leoIn = false;
        while (!leoIn && System.nanoTime() - start < Duration.ofSeconds(40).toNanos()) {
            leoIn = join(code, "Leo", "2468", TEACHER, null, new CookieManager()).isEmpty();
            if (!leoIn) {
                Thread.sleep(2000);
            }
        }
        double waited = (System.nanoTime() - start) / 1e9;
        report("pin-guessing", answered <= 5 && leoIn && waited < 30, "15 PINs guessed for Leo: " + answered
                + " checked, the rest refused; Leo's own PIN " + (leoIn ? String.format("worked after %.0f s", waited) : "still refused"));
    }

    /** One join from the join page; "" when it went through, else the page's message. */
    private String join(String code, String name, String pin, InetAddress from, String forwardedFor, CookieManager browser)
            throws Exception {
        return WirePages.join(base, code, name, pin, new WireSession.From(from, forwardedFor, browser));
    }

    // ---- one learner floods the server with big photos

    /**
     * 200 uploads of a 13.5 MB photo at once from one learner, while a classmate creates a project
     * and adds classes: the server stays healthy, each upload is stored or refused with a reason,
     * the classmate's clicks are answered, and the heap peak is printed.
     */
    private void uploadFlood(Path dir) throws Exception {
        Path photo = bigPhoto(dir.resolve("big.jpg"), 13_500_000);
        CookieManager learner = new CookieManager();
        String endpoint = WirePages.newProjectUploadEndpoint(base, "Flood", new WireSession.From(ATTACKER, null, learner));
        AtomicLong heapPeak = new AtomicLong();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<Double> clicks = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> clickNames = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().cookieHandler(learner).localAddress(ATTACKER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> watch = CompletableFuture.runAsync(() -> {
                while (flooding.get()) {
                    heapPeak.accumulateAndGet(heapUsed(), Math::max);
                    sleep(250);
                }
            }, threads);
            CompletableFuture<Void> classmate = CompletableFuture.runAsync(() -> classmate(clicks, clickNames, flooding), threads);
            List<CompletableFuture<Void>> uploads = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                uploads.add(CompletableFuture.runAsync(() -> answers.computeIfAbsent(upload(http, endpoint, photo),
                        k -> new AtomicInteger()).incrementAndGet(), threads));
            }
            CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).join();
            flooding.set(false);
            watch.join();
            classmate.join();
        }
        boolean healthy = health();
        List<Double> sorted = clicks.stream().sorted().toList();
        double p95 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1));
        int unexplained = answers.entrySet().stream().filter(e -> e.getKey().startsWith("no answer")).mapToInt(e -> e.getValue().get()).sum();
        report("upload-flood", healthy && unexplained == 0 && !sorted.isEmpty() && p95 < 2000 && heapPeak.get() < 1_900L << 20,
                String.format("200 x 13.5 MB at once from one learner: %s; heap peak %d MB of 2048; a classmate's %d clicks "
                        + "p95 %.0f ms (%s); healthy afterwards: %s", answers, heapPeak.get() >> 20, sorted.size(), p95,
                        clickNames, healthy));
    }

    /** What one upload came back with: "stored", "refused: <reason>", "429: <reason>" or "no answer: ...". */
    private String upload(HttpClient http, String endpoint, Path photo) {
        try {
            String boundary = "----abuse" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(base.resolve(endpoint.startsWith("/") ? endpoint.substring(1) : endpoint))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Origin", base.getScheme() + "://" + base.getRawAuthority())
                    .expectContinue(true).timeout(Duration.ofMinutes(3))
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(photo), HttpRequest.BodyPublishers.ofByteArray(tail))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            if (response.statusCode() == 429) {
                return "429 busy";
            }
            if (response.statusCode() != 200) {
                return "no answer: status " + response.statusCode();
            }
            if (body.contains("\"stored\":true")) {
                return "stored";
            }
            Matcher reason = Pattern.compile("\"reason\":\"([^\"]{0,40})").matcher(body);
            return reason.find() ? "refused: " + reason.group(1) : "no answer: " + body;
        } catch (Exception e) {
            return "no answer: " + e.getClass().getSimpleName();
        }
    }

    /** A classmate at another computer: create a project, add a class, again and again. */
    private void classmate(List<Double> clicks, List<String> names, AtomicBoolean flooding) {
        try {
            WirePages.keepAddingClasses(base, new WireSession.From(TEACHER, null, new CookieManager()),
                    (what, ms) -> {
                        clicks.add(ms);
                        names.add(what + " " + Math.round(ms));
                    }, flooding::get);
        } catch (Exception e) {
            clicks.add(Double.POSITIVE_INFINITY);
        }
    }

    private long heapUsed() {
        try {
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("actuator/prometheus")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long sum = 0;
            Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)$").matcher(page);
            while (m.find()) {
                sum += (long) Double.parseDouble(m.group(1));
            }
            return sum;
        } catch (Exception e) {
            return 0;
        }
    }

    private boolean health() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("actuator/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
        } catch (Exception e) {
            return false;
        }
    }

    /** A noisy photo as big as a phone's finest JPEG, so it cannot be compressed small. */
    private static Path bigPhoto(Path file, long atLeast) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int side = 2400; ; side += 400) {
            BufferedImage image = new BufferedImage(side, side * 3 / 4, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            if (out.size() >= atLeast) {
                Files.write(file, out.toByteArray());
                return file;
            }
        }
    }

    private static HttpClient client(InetAddress from) {
        return HttpClient.newBuilder().localAddress(from).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
