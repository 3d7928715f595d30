package org.teachbox.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * axe-core, the accessibility checker browsers' own dev tools use, run on a page as the learner
 * sees it. Its {@code axe.min.js} comes from npm with the other test libraries (src/test/js) and
 * is put into the page only by the test; the app never serves it. Only what axe rates serious or
 * critical is reported: those are the problems that stop a screen-reader or keyboard user.
 */
final class Axe {

    private static String source;

    private Axe() {
    }

    /** Each serious or critical violation on the page, as "rule (impact): help — target, target…". */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) throws IOException, InterruptedException {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 targets: v.nodes.map(n => n.target.join(' >>> ')
                                     + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : '')) }))
                """);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            found.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " — "
                    + String.join(" | ", (List<String>) v.get("targets")));
        }
        return found;
    }

    private static synchronized String source() throws IOException, InterruptedException {
        if (source == null) {
            source = Files.readString(NpmTestLibraries.file("axe-core/axe.min.js"));
        }
        return source;
    }
}
