package org.teachbox.pretrained;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any test runs, points the app under test ({@code teachbox.backbone.dir}) at a backbone
 * that exists: the one the build named, else a real one found elsewhere, else the synthetic
 * random-weight one, and says so in one line. So the pages and the training job of the photo
 * kind are tested on a fresh clone too. Registered in META-INF/services.
 */
public final class TestBackboneSetup implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String named = System.getProperty("teachbox.backbone.dir");
        if (named != null && Files.isRegularFile(Path.of(named, "model.json"))) {
            return;
        }
        Path use = TestBackbones.forStructure();
        System.setProperty("teachbox.backbone.dir", use.toString());
        if (!TestBackbones.hasReal()) {
            System.out.println("Tests: no real backbone here, so the app under test uses a random-weight MobileNetV2 ("
                    + use + "); tests that need ImageNet weights are skipped (run scripts/get-backbone.sh to include them)");
        }
    }
}
