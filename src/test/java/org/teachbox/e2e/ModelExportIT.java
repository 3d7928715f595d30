package org.teachbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.teachbox.export.ModelExports;
import org.teachbox.export.TfjsFiles;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageTensors;
import org.teachbox.prediction.PredictionService;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.samples.SampleClass;
import org.teachbox.samples.SampleProjects;
import org.teachbox.samples.SampleSet;
import org.teachbox.training.OptimizerChoice;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

/**
 * The exported model runs elsewhere: Chromium loads it with {@code @tensorflow/tfjs} and with
 * Teachable Machine's own {@code @teachablemachine/image} (both from npm, served from localhost),
 * and on pictures the model never trained on it gives the probabilities the server gives.
 *
 * <p>The pictures are square and at the model's input size, so neither side resizes them, and
 * the browser gets the very JPEG the server's upload check made of each one: what is compared is
 * the two networks, not two resamplers.
 */
class ModelExportIT extends BrowserTest {

    private static final String[] CLASSES = {"sun", "leaf", "brick"};
    private static final int PROBES = 20;

    @Autowired
    SampleProjects samples;
    @Autowired
    TrainingService training;
    @Autowired
    PredictionService predictions;
    @Autowired
    ImageIngest ingest;
    @Autowired
    ModelExports exports;

    /** An owner token as the app hands them out, so the browser can be given this owner's cookie. */
    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
    private final String owner = java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(java.nio.ByteBuffer.allocate(32).putLong(new Random().nextLong()).putLong(System.nanoTime()).array());

    @Test
    void teachableMachineExportGivesTheServersProbabilitiesInTfjsAndTmImage() throws Exception {
        Project project = trained(ModelKind.PRETRAINED, 224, 6, 5);
        TfjsFiles files = exports.export(owner, project.id()).orElseThrow();
        List<Probe> probes = probes(ModelKind.PRETRAINED);
        List<float[]> server = serverProbabilities(project, probes);

        try (StaticFiles web = serve(files, probes)) {
            page.navigate(web.url("/tfjs.html"));
            List<List<Double>> tfjs = tfjsPredictions(page, "/model/model.json", 1 / 127.0, -1);
            assertSame(server, tfjs, "tf.loadLayersModel");

            page.navigate(web.url("/tm.html"));
            @SuppressWarnings("unchecked")
            Map<String, Object> tm = (Map<String, Object>) page.evaluate("""
                    async (n) => {
                      await tf.setBackend('cpu');
                      const model = await tmImage.load('/model/model.json', '/model/metadata.json');
                      const out = [];
                      for (let i = 0; i < n; i++) {
                        const img = new Image();
                        img.src = '/probe/' + i + '.png';
                        await img.decode();
                        out.push((await model.predict(img)).map(p => [p.className, p.probability]));
                      }
                      return {labels: model.getClassLabels(), total: model.getTotalClasses(), out: out};
                    }""", probes.size());
            assertThat(tm.get("labels")).isEqualTo(List.of(CLASSES));
            assertThat(((Number) tm.get("total")).intValue()).isEqualTo(CLASSES.length);
            @SuppressWarnings("unchecked")
            List<List<List<Object>>> tmOut = (List<List<List<Object>>>) tm.get("out");
            List<List<Double>> tmProbabilities = new ArrayList<>();
            for (List<List<Object>> picture : tmOut) {
                List<Double> row = new ArrayList<>();
                for (int c = 0; c < CLASSES.length; c++) {
                    assertThat(picture.get(c).get(0)).isEqualTo(CLASSES[c]);
                    row.add(((Number) picture.get(c).get(1)).doubleValue());
                }
                tmProbabilities.add(row);
            }
            assertSame(server, tmProbabilities, "tmImage.predict");
        }
    }

    @Test
    void ownerSharesTheModelAndTmImageOnAnotherSiteLoadsItFromTheShareLink() throws Exception {
        Project project = trained(ModelKind.PRETRAINED, 224, 6, 5);
        TfjsFiles files = exports.export(owner, project.id()).orElseThrow();
        context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("teachbox_owner", owner)
                .setDomain("localhost").setPath("/")));
        page.navigate(url("/project/" + project.id() + "/preview"));

        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#download-model").click());
        java.util.Map<String, byte[]> zip = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(download.path()))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(zip.keySet()).containsExactly("metadata.json", "model.json", "weights.bin");
        assertThat(zip.get("weights.bin")).isEqualTo(files.weightsBin());
        assertThat(download.suggestedFilename()).endsWith(".zip");

        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#share-url")).isHidden();
        page.locator("#share-model").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#share-url input"))
                .hasValue(java.util.regex.Pattern.compile(".*/api/v1/models/[A-Za-z0-9_-]{32}/$"));
        String modelUrl = page.locator("#share-url input").inputValue();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#snippet-python"))
                .containsText(modelUrl + "predict");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#snippet-p5"))
                .containsText(modelUrl + "model.json");
        page.locator("#share-panel").scrollIntoViewIfNeeded();
        screenshot(page, "share-panel");
        com.microsoft.playwright.BrowserContext taiwan = newContext("zh-TW");
        taiwan.addCookies(List.of(new com.microsoft.playwright.options.Cookie("teachbox_owner", owner)
                .setDomain("localhost").setPath("/")));
        Page zh = taiwan.newPage();
        zh.navigate(url("/project/" + project.id() + "/preview"));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(zh.locator("#share-revoke")).containsText("停止分享");
        screenshot(zh, "share-panel-zh-TW");
        taiwan.close();

        List<Probe> probes = probes(ModelKind.PRETRAINED).subList(0, 6);
        List<float[]> server = serverProbabilities(project, probes);
        try (StaticFiles web = serve(files, probes)) {
            // another origin than the app's: the browser needs the API's CORS headers
            Page other = context.newPage();
            other.navigate(web.url("/tm.html"));
            @SuppressWarnings("unchecked")
            List<List<Number>> shared = (List<List<Number>>) other.evaluate("""
                    async ([url, n]) => {
                      await tf.setBackend('cpu');
                      const model = await tmImage.load(url + 'model.json', url + 'metadata.json');
                      const out = [];
                      for (let i = 0; i < n; i++) {
                        const img = new Image();
                        img.src = '/probe/' + i + '.png';
                        await img.decode();
                        out.push((await model.predict(img)).map(p => p.probability));
                      }
                      return out;
                    }""", List.of(modelUrl, probes.size()));
            assertSame(server, shared.stream().map(r -> r.stream().map(Number::doubleValue).toList()).toList(),
                    "tmImage from the share link");

            page.bringToFront();
            page.locator("#share-revoke").click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#share-model")).isVisible();
            Object status = other.evaluate("async (url) => (await fetch(url + 'metadata.json')).status", modelUrl);
            assertThat(((Number) status).intValue()).as("a revoked link").isEqualTo(404);
        }
    }

    @Test
    void smallCnnAndDigitsExportsGiveTheServersProbabilitiesInTfjs() throws Exception {
        for (ModelKind kind : List.of(ModelKind.IMAGE, ModelKind.DIGITS)) {
            Project project = trained(kind, kind.inputSize(), 6, 3);
            TfjsFiles files = exports.export(owner, project.id()).orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = json.readValue(files.metadataJson(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> input = (Map<String, Object>) metadata.get("input");
            assertThat(metadata.get("labels")).isEqualTo(List.of(CLASSES));
            assertThat(input.get("width")).isEqualTo(kind.inputSize());
            assertThat(input.get("channels")).isEqualTo(kind.channels());
            List<Probe> probes = probes(kind);
            List<float[]> server = serverProbabilities(project, probes);
            try (StaticFiles web = serve(files, probes)) {
                page.navigate(web.url("/tfjs.html"));
                // the browser applies what the metadata says, not what this test knows
                List<List<Double>> tfjs = tfjsPredictions(page, "/model/model.json",
                        ((Number) input.get("scale")).doubleValue(), ((Number) input.get("offset")).doubleValue(),
                        kind.channels() == 1, Boolean.TRUE.equals(input.get("invert")));
                assertSame(server, tfjs, kind + " in tf.loadLayersModel");
            }
        }
    }

    /** Trains a project of the three classes, perClass pictures each, for a few epochs. */
    private Project trained(ModelKind kind, int side, int perClass, int epochs) throws Exception {
        List<SampleClass> classes = new ArrayList<>();
        for (int c = 0; c < CLASSES.length; c++) {
            List<BufferedImage> images = new ArrayList<>();
            Random random = new Random(100 + c);
            for (int i = 0; i < perClass; i++) {
                images.add(picture(c, side, random));
            }
            classes.add(new SampleClass(CLASSES[c], images));
        }
        Project project = samples.create(owner, "Export " + kind, kind, new SampleSet("export", classes), n -> n);
        CompletableFuture<TrainingReport> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(project.id(), e -> {
            if (e instanceof TrainingEvent.Finished f) {
                done.complete(f.report());
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        try {
            training.train(owner, project.id(), new TrainingSettings(epochs, 16, 0.001, OptimizerChoice.ADAM));
            assertThat(done.get(5, TimeUnit.MINUTES).status()).isEqualTo(TrainingReport.COMPLETED);
        } finally {
            stop.run();
        }
        return project;
    }

    /**
     * New pictures of every class. upload is the file the server is asked about; seen is, as a
     * lossless PNG, exactly the pixels the server's network gets from it after the upload check
     * (crop, JPEG, decode, resize), so a browser decoding it sees the same numbers.
     */
    record Probe(byte[] upload, byte[] seen) {}

    private List<Probe> probes(ModelKind kind) throws Exception {
        Random random = new Random(7);
        List<Probe> out = new ArrayList<>();
        int side = kind.inputSize();
        for (int i = 0; i < PROBES; i++) {
            byte[] upload = png(picture(i % CLASSES.length, side, random));
            int channels = kind.channels();
            float[] chw = ImageTensors.toChw(ingest.ingest("probe.png", upload).bytes(), side, channels);
            BufferedImage seen = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            int plane = side * side;
            for (int p = 0; p < plane; p++) {
                int r = Math.round(chw[p] * 255);
                int g = channels == 1 ? r : Math.round(chw[plane + p] * 255);
                int b = channels == 1 ? r : Math.round(chw[2 * plane + p] * 255);
                seen.setRGB(p % side, p / side, r << 16 | g << 8 | b);
            }
            out.add(new Probe(upload, png(seen)));
        }
        return out;
    }

    List<float[]> serverProbabilities(Project project, List<Probe> probes) throws Exception {
        List<float[]> out = new ArrayList<>();
        for (Probe probe : probes) {
            out.add(predictions.predict(owner, project.id(), "probe.png", probe.upload()).orElseThrow().probabilities());
        }
        return out;
    }

    /** Probabilities from tf.loadLayersModel, pixels scaled as value * scale + offset. */
    @SuppressWarnings("unchecked")
    static List<List<Double>> tfjsPredictions(Page page, String modelUrl, double scale, double offset) {
        return tfjsPredictions(page, modelUrl, scale, offset, false, false);
    }

    @SuppressWarnings("unchecked")
    static List<List<Double>> tfjsPredictions(Page page, String modelUrl, double scale, double offset, boolean grey,
            boolean invert) {
        Object result = page.evaluate("""
                async ([url, n, scale, offset, grey, invert]) => {
                  await tf.setBackend('cpu');
                  const model = await tf.loadLayersModel(url);
                  const out = [];
                  for (let i = 0; i < n; i++) {
                    const img = new Image();
                    img.src = '/probe/' + i + '.png';
                    await img.decode();
                    const p = tf.tidy(() => {
                      let x = tf.browser.fromPixels(img).toFloat();
                      if (grey) x = x.mul(tf.tensor1d([0.299, 0.587, 0.114])).sum(-1, true);
                      if (invert) x = tf.scalar(255).sub(x);
                      return model.predict(x.mul(scale).add(offset).expandDims(0));
                    });
                    out.push(Array.from(await p.data()));
                    p.dispose();
                  }
                  return out;
                }""", List.of(modelUrl, PROBES, scale, offset, grey, invert));
        List<List<Double>> out = new ArrayList<>();
        for (List<Number> row : (List<List<Number>>) result) {
            out.add(row.stream().map(Number::doubleValue).toList());
        }
        return out;
    }

    static void assertSame(List<float[]> server, List<List<Double>> browser, String how) {
        assertThat(browser).as(how + ": one answer per picture").hasSize(server.size());
        double worst = 0;
        for (int i = 0; i < Math.min(server.size(), browser.size()); i++) {
            for (int c = 0; c < Math.min(server.get(i).length, browser.get(i).size()); c++) {
                worst = Math.max(worst, Math.abs(browser.get(i).get(c) - server.get(i)[c]));
            }
        }
        org.slf4j.LoggerFactory.getLogger(ModelExportIT.class).info("{}: {} pictures, largest difference from the server {}",
                how, server.size(), worst);
        for (int i = 0; i < server.size(); i++) {
            assertThat(browser.get(i)).as(how + ", picture " + i).hasSize(server.get(i).length);
            for (int c = 0; c < server.get(i).length; c++) {
                assertThat(browser.get(i).get(c)).as(how + ", picture " + i + ", class " + c)
                        .isCloseTo(server.get(i)[c], within(0.01));
            }
        }
    }

    private StaticFiles serve(TfjsFiles files, List<Probe> probes) throws Exception {
        StaticFiles web = new StaticFiles()
                .put("/model/model.json", "application/json", files.modelJson())
                .put("/model/weights.bin", "application/octet-stream", files.weightsBin())
                .put("/model/metadata.json", "application/json", files.metadataJson())
                .put("/lib/tf.min.js", "text/javascript", NpmTestLibraries.file("@tensorflow/tfjs/dist/tf.min.js"))
                .put("/lib/tf-1.3.1.min.js", "text/javascript", NpmTestLibraries.file("tfjs-for-tm/dist/tf.min.js"))
                .put("/lib/teachablemachine-image.min.js", "text/javascript",
                        NpmTestLibraries.file("@teachablemachine/image/dist/teachablemachine-image.min.js"))
                .put("/tfjs.html", "text/html", page("/lib/tf.min.js"))
                // Teachable Machine's own snippet: tfjs 1.3.1, the version tmImage names as its peer
                .put("/tm.html", "text/html", page("/lib/tf-1.3.1.min.js", "/lib/teachablemachine-image.min.js"));
        for (int i = 0; i < probes.size(); i++) {
            web.put("/probe/" + i + ".png", "image/png", probes.get(i).seen());
        }
        return web;
    }

    private static byte[] page(String... scripts) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=utf-8>");
        for (String s : scripts) {
            html.append("<script src=\"").append(s).append("\"></script>");
        }
        return html.append("</head><body></body></html>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A sun (yellow disc), a leaf (green ellipse) or a brick (red block) on a noisy ground. */
    static BufferedImage picture(int kind, int side, Random random) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.15f + 0.2f * random.nextFloat(), 0.5f + 0.4f * random.nextFloat()));
        g.fillRect(0, 0, side, side);
        int size = side / 3 + random.nextInt(side / 4);
        int x = random.nextInt(side - size), y = random.nextInt(side - size);
        switch (kind) {
            case 0 -> {
                g.setColor(Color.getHSBColor(0.12f + 0.05f * random.nextFloat(), 0.9f, 1f));
                g.fillOval(x, y, size, size);
            }
            case 1 -> {
                g.setColor(Color.getHSBColor(0.28f + 0.08f * random.nextFloat(), 0.8f, 0.6f));
                g.fillOval(x, y + size / 4, size, size / 2);
            }
            default -> {
                g.setColor(Color.getHSBColor(0.0f + 0.04f * random.nextFloat(), 0.8f, 0.6f));
                g.fillRect(x, y + size / 4, size, size / 2);
            }
        }
        g.dispose();
        for (int i = 0; i < side * side / 8; i++) {
            int px = random.nextInt(side), py = random.nextInt(side);
            int rgb = image.getRGB(px, py);
            int d = random.nextInt(61) - 30;
            int r = clamp((rgb >> 16 & 255) + d), gr = clamp((rgb >> 8 & 255) + d), b = clamp((rgb & 255) + d);
            image.setRGB(px, py, r << 16 | gr << 8 | b);
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
